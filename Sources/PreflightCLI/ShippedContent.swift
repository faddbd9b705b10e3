enum ShippedContent { static func locate() -> String { "Content" } }
