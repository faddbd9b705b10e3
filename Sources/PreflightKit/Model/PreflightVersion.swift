/// The tool's version; also part of the cache key in incremental builds.
public enum PreflightVersion {
    public static let current = "0.3.0"
}
