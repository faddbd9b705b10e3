extension DatabaseError {
    /// Any error from concurrent work as a `DatabaseError`; task groups erase the type.
    static func from(_ error: any Error) -> DatabaseError {
        if let error = error as? DatabaseError { return error }
        return DatabaseError(kind: .query, message: "\(error)")
    }
}
