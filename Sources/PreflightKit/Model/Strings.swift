/// The words of the generated documents that are not guidance, from `theme/strings.yml`, so that a
/// team can reword or translate them without touching Swift.
public struct Strings: Sendable, Decodable {
    /// What a reader's page says first and which kinds of item it shows.
    public struct Reader: Sendable, Decodable {
        public var intro: String
        /// Kinds shown, in order.
        public var sees: [Kind]
        /// Steps appear as go/no-go gates only (for readers who decide rather than act).
        public var gatesOnly: Bool

        enum CodingKeys: String, CodingKey { case intro, sees, gatesOnly = "gates_only" }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            intro = try container.decode(String.self, forKey: .intro)
            sees = try container.decode([Kind].self, forKey: .sees)
            gatesOnly = try container.decodeIfPresent(Bool.self, forKey: .gatesOnly) ?? false
        }
    }

    /// A kind's heading and wiki page.
    public struct KindWords: Sendable, Decodable {
        public var title: String
        public var wikiPage: String

        enum CodingKeys: String, CodingKey { case title, wikiPage = "wiki_page" }
    }

    public struct Link: Sendable, Decodable {
        public var title: String
        public var path: String
    }

    public struct Trigger: Sendable, Decodable {
        /// The profile field that holds the threshold.
        public var path: String
        public var label: String
    }

    public var roles: [Role: Reader]
    public var kinds: [Kind: KindWords]
    /// The line under each document's title, by document name.
    public var documents: [String: String]
    public var navigation: [Link]
    /// Label of each rollback trigger, by profile field path, in the order gates state them.
    public var rollbackTriggers: [Trigger]
    /// Headings of the notice channels; the keys are the channels a notice may name.
    public var channels: [String: String]
    /// The words notices use (`service`, `signature`, `signature_with_service`, `daylight_saving`) and
    /// what customers can do in each window mode.
    public var notices = NoticeWords()

    public struct NoticeWords: Sendable, Decodable {
        public var service = "our service"
        public var signature = "Our support team"
        public var signatureWithService = "The {service} team"
        public var daylightSaving = "Clocks change in {zone} during the window."
        public var modes: [String: String] = [:]

        enum CodingKeys: String, CodingKey {
            case service, signature, signatureWithService = "signature_with_service", daylightSaving = "daylight_saving", modes
        }

        public init() {}

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            service = try container.decodeIfPresent(String.self, forKey: .service) ?? service
            signature = try container.decodeIfPresent(String.self, forKey: .signature) ?? signature
            signatureWithService = try container.decodeIfPresent(String.self, forKey: .signatureWithService) ?? signatureWithService
            daylightSaving = try container.decodeIfPresent(String.self, forKey: .daylightSaving) ?? daylightSaving
            modes = try container.decodeIfPresent([String: String].self, forKey: .modes) ?? [:]
        }
    }

    enum CodingKeys: String, CodingKey {
        case roles, kinds, documents, navigation, rollbackTriggers = "rollback_triggers", channels, notices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roles = try container.decode([Role: Reader].self, forKey: .roles)
        kinds = try container.decode([Kind: KindWords].self, forKey: .kinds)
        documents = try container.decode([String: String].self, forKey: .documents)
        navigation = try container.decode([Link].self, forKey: .navigation)
        rollbackTriggers = try container.decode([Trigger].self, forKey: .rollbackTriggers)
        channels = try container.decode([String: String].self, forKey: .channels)
        notices = try container.decodeIfPresent(NoticeWords.self, forKey: .notices) ?? NoticeWords()
    }

    /// Empty words, for content without a theme (its absence is reported at load).
    public init() {
        roles = [:]
        kinds = [:]
        documents = [:]
        navigation = []
        rollbackTriggers = []
        channels = [:]
    }

    public func reader(_ role: Role) -> Reader? { roles[role] }
    public func title(of kind: Kind) -> String { kinds[kind]?.title ?? kind.rawValue }
    public func wikiPage(of kind: Kind) -> String { kinds[kind]?.wikiPage ?? kind.rawValue }
    public func summary(of document: String) -> String { documents[document] ?? "" }
}

extension Role: CodingKeyRepresentable {}
extension Kind: CodingKeyRepresentable {}
