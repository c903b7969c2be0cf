import Foundation
import Vapor

/// Every setting Samverka reads, in one place, read once at boot.
///
/// Configuration fails fast: a malformed value stops the start with a message that names the
/// variable, never its value (it may hold a password).
public struct AppSettings: Sendable {
    public enum DatabaseKind: String, Sendable {
        case sqlite, postgres
    }

    public enum DatabaseLocation: Sendable {
        case sqliteFile(path: String)
        case sqliteMemory
        case postgres(url: String)

        var kind: DatabaseKind {
            switch self {
            case .sqliteFile, .sqliteMemory: .sqlite
            case .postgres: .postgres
            }
        }
    }

    public var database: DatabaseLocation
    /// Where the SQLite file and uploaded images live.
    public var dataDirectory: String
    /// The zone times are shown in; they are always stored in UTC.
    public var timeZone: TimeZone
    public var siteName: String
    /// Whether cookies get the `Secure` flag; on by default outside development and testing.
    public var secureCookies: Bool
    /// bcrypt cost; lowered only in tests, where hashing time dominates.
    public var passwordCost: Int
    /// The address people reach this site at, for links in mail (no trailing slash).
    public var publicURL: String
    /// The SMTP server mail is delivered through (`smtp://user:password@host:port`); without
    /// one, messages wait in the outbox.
    public var smtpURL: String?
    /// The sender of every message.
    public var mailFrom: String
    /// Days after an event that answers and guests' contact details are kept.
    public var purgeAfterDays: Int
    /// Tries per client and minute at sign-up, guest confirmation, account creation and sign-in; 0 turns limiting off.
    public var rateLimitPerMinute: Int
    /// The licence of the open data, as the catalogue (`/catalog.rdf`) states it.
    public var dataLicense: String
    /// Whether a reverse proxy stands in front, so the client's address is the last one in X-Forwarded-For.
    public var behindProxy: Bool
    /// The token a Prometheus scraper sends as `Authorization: Bearer …` to read `/metrics` from
    /// elsewhere than this machine (`SAMVERKA_METRICS_TOKEN`, at least 16 characters).
    public var metricsToken: String?
    /// Who runs this installation, as the accessibility statement and privacy notice name them
    /// (`SAMVERKA_OPERATOR`, default the site's name).
    public var operatorName: String = "Samverka"
    /// Where people write about the site, its accessibility and their data (`SAMVERKA_CONTACT_EMAIL`,
    /// default the sender address).
    public var contactEmail: String = "noreply@samverka.invalid"
    /// What kind of body publishes the open data, a name from the EU publisher-type vocabulary the
    /// catalogue states (`SAMVERKA_PUBLISHER_TYPE`: NonProfitOrganisation, LocalAuthority,
    /// RegionalAuthority, NationalAuthority, Company…).
    public var publisherType: String = "NonProfitOrganisation"
    /// The day the accessibility statement was last reviewed (`SAMVERKA_ACCESSIBILITY_REVIEWED`, YYYY-MM-DD).
    public var accessibilityReviewed: String = "2026-12-01"
    /// The roles that must sign in with two factors whatever the admins choose in the app
    /// (`SAMVERKA_REQUIRE_TWO_FACTOR`: `none`, `admins`, or `staff` for moderators and admins).
    public var twoFactorRoles: Set<String> = []
    /// Proxies in front of Samverka (`SAMVERKA_TRUSTED_PROXIES`, comma-separated) whose entries
    /// in X-Forwarded-For are skipped to find the client.
    public var trustedProxies: Set<String> = ["127.0.0.1", "::1"]
    /// A signed-in session ends after this long without a request (`SAMVERKA_SESSION_IDLE_MINUTES`).
    public var sessionIdleTimeout: TimeInterval
    /// However active, a signed-in session ends this long after signing in.
    public var sessionLifetime: TimeInterval = 30 * 86_400

    public init(
        database: DatabaseLocation,
        dataDirectory: String,
        timeZone: TimeZone = TimeZone(identifier: "Europe/Stockholm") ?? .current,
        siteName: String = "Samverka",
        secureCookies: Bool = false,
        passwordCost: Int = 12,
        publicURL: String = "http://127.0.0.1:8080",
        smtpURL: String? = nil,
        mailFrom: String = "noreply@samverka.invalid",
        purgeAfterDays: Int = 30,
        rateLimitPerMinute: Int = 20,
        behindProxy: Bool = false,
        dataLicense: String = "http://creativecommons.org/publicdomain/zero/1.0/",
        sessionIdleTimeout: TimeInterval = 2 * 3_600
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.timeZone = timeZone
        self.siteName = siteName
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.publicURL = publicURL
        self.smtpURL = smtpURL
        self.mailFrom = mailFrom
        self.purgeAfterDays = purgeAfterDays
        self.rateLimitPerMinute = rateLimitPerMinute
        self.behindProxy = behindProxy
        self.dataLicense = dataLicense
        self.sessionIdleTimeout = sessionIdleTimeout
    }

    public struct ConfigurationError: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String {
            "Samverka cannot start; fix these settings:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads `DATABASE_URL`, `SAMVERKA_DATA_DIR`, `SAMVERKA_TIMEZONE`, `SAMVERKA_SITE_NAME`,
    /// `SAMVERKA_SECURE_COOKIES`, `SAMVERKA_PUBLIC_URL`, `SMTP_URL`, `SAMVERKA_MAIL_FROM` and
    /// `SAMVERKA_PURGE_AFTER_DAYS`.
    public static func fromEnvironment(_ environment: Environment) throws -> AppSettings {
        var problems: [String] = []
        let dataDirectory = Environment.get("SAMVERKA_DATA_DIR") ?? "data"

        let database: DatabaseLocation
        if let url = Environment.get("DATABASE_URL"), !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must start with postgres:// (leave it unset for SQLite)")
                database = .sqliteMemory
            }
        } else {
            database = .sqliteFile(path: dataDirectory + "/samverka.sqlite")
        }

        let zoneName = Environment.get("SAMVERKA_TIMEZONE") ?? "Europe/Stockholm"
        let zone = TimeZone(identifier: zoneName)
        if zone == nil { problems.append("SAMVERKA_TIMEZONE is not a known time zone identifier") }

        let secure: Bool
        switch Environment.get("SAMVERKA_SECURE_COOKIES")?.lowercased() {
        case nil: secure = environment == .production
        case "1", "true", "yes": secure = true
        case "0", "false", "no": secure = false
        default:
            problems.append("SAMVERKA_SECURE_COOKIES must be true or false")
            secure = false
        }

        let publicURL = (Environment.get("SAMVERKA_PUBLIC_URL") ?? "http://127.0.0.1:8080").trimmingCharacters(
            in: CharacterSet(charactersIn: "/"))
        if !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
            problems.append("SAMVERKA_PUBLIC_URL must start with https:// or http://")
        }
        let smtpURL = Environment.get("SMTP_URL").flatMap { $0.isEmpty ? nil : $0 }
        if let smtpURL, SMTPServer(url: smtpURL) == nil {
            problems.append("SMTP_URL must look like smtp://user:password@host:587 (or smtps://)")
        }
        let purgeDays = Environment.get("SAMVERKA_PURGE_AFTER_DAYS").map { Int($0) } ?? 30
        if purgeDays == nil || purgeDays ?? 0 < 0 {
            problems.append("SAMVERKA_PURGE_AFTER_DAYS must be a whole number of days")
        }

        let rateLimit = Environment.get("SAMVERKA_RATE_LIMIT").map { Int($0) } ?? 20
        if rateLimit == nil || rateLimit ?? 0 < 0 {
            problems.append("SAMVERKA_RATE_LIMIT must be a whole number of tries per minute (0 turns it off)")
        }
        let behindProxy =
            Environment.get("SAMVERKA_BEHIND_PROXY").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        let idleMinutes = Environment.get("SAMVERKA_SESSION_IDLE_MINUTES").map { Int($0) } ?? 120
        if idleMinutes == nil || !(5...43_200).contains(idleMinutes ?? 0) {
            problems.append("SAMVERKA_SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 43200")
        }
        // A cheap bcrypt cost makes stolen hashes quick to crack; only tests and benchmarks,
        // which hash thousands of passwords, may go below 10.
        let passwordCost = Int(Environment.get("SAMVERKA_PASSWORD_COST") ?? "12")
        let allowsCheapHashes = environment == .testing || Environment.get("SAMVERKA_BENCHMARK") == "1"
        if passwordCost == nil || !((allowsCheapHashes ? 4 : 10)...16).contains(passwordCost ?? 0) {
            problems.append("SAMVERKA_PASSWORD_COST must be a whole number from 10 to 16")
        }

        guard problems.isEmpty, let zone else { throw ConfigurationError(problems: problems) }
        var settings = AppSettings(
            database: database,
            dataDirectory: dataDirectory,
            timeZone: zone,
            siteName: Environment.get("SAMVERKA_SITE_NAME") ?? "Samverka",
            secureCookies: secure,
            passwordCost: environment == .testing ? 4 : passwordCost ?? 12,
            publicURL: publicURL,
            smtpURL: smtpURL,
            mailFrom: Environment.get("SAMVERKA_MAIL_FROM") ?? "noreply@samverka.invalid",
            purgeAfterDays: purgeDays ?? 30,
            rateLimitPerMinute: rateLimit ?? 20,
            behindProxy: behindProxy,
            dataLicense: Environment.get("SAMVERKA_DATA_LICENSE")
                ?? "http://creativecommons.org/publicdomain/zero/1.0/",
            sessionIdleTimeout: TimeInterval((idleMinutes ?? 120) * 60)
        )
        switch Environment.get("SAMVERKA_REQUIRE_TWO_FACTOR")?.lowercased() ?? "none" {
        case "none": break
        case "admins": settings.twoFactorRoles = ["admin"]
        case "staff": settings.twoFactorRoles = ["admin", "moderator"]
        default: throw ConfigurationError(problems: ["SAMVERKA_REQUIRE_TWO_FACTOR must be none, admins or staff"])
        }
        if let token = Environment.get("SAMVERKA_METRICS_TOKEN") {
            guard token.count >= 16 else {
                throw ConfigurationError(problems: ["SAMVERKA_METRICS_TOKEN must be at least 16 characters"])
            }
            settings.metricsToken = token
        }
        settings.operatorName = Environment.get("SAMVERKA_OPERATOR") ?? settings.siteName
        settings.contactEmail = Environment.get("SAMVERKA_CONTACT_EMAIL") ?? settings.mailFrom
        if let type = Environment.get("SAMVERKA_PUBLISHER_TYPE") {
            guard publisherTypes[type] != nil else {
                throw ConfigurationError(problems: [
                    "SAMVERKA_PUBLISHER_TYPE must be one of " + publisherTypes.keys.sorted().joined(separator: ", ")
                ])
            }
            settings.publisherType = type
        }
        if let reviewed = Environment.get("SAMVERKA_ACCESSIBILITY_REVIEWED") {
            settings.accessibilityReviewed = reviewed
        }
        if let proxies = Environment.get("SAMVERKA_TRUSTED_PROXIES") {
            settings.trustedProxies = Set(
                proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return settings
    }

    public var uploadsDirectory: String { dataDirectory + "/uploads" }

    /// The EU's publisher types (ADMS, http://purl.org/adms/publishertype/), with their labels.
    static let publisherTypes: [String: String] = [
        "Academia-ScientificOrganisation": "Academia/Scientific organisation", "Company": "Company",
        "IndustryConsortium": "Industry consortium", "LocalAuthority": "Local Authority",
        "NationalAuthority": "National authority", "NonGovernmentalOrganisation": "Non-Governmental Organisation",
        "NonProfitOrganisation": "Non-Profit Organisation", "PrivateIndividual(s)": "Private Individual(s)",
        "RegionalAuthority": "Regional authority", "StandardisationBody": "Standardisation body",
        "SupraNationalAuthority": "Supra-national authority",
    ]
}

extension Application {
    private struct SettingsKey: StorageKey { typealias Value = AppSettings }

    /// The settings this application was configured with.
    public var settings: AppSettings {
        get {
            guard let settings = storage[SettingsKey.self] else {
                fatalError("configure(_:settings:) must run before settings are read")
            }
            return settings
        }
        set { storage[SettingsKey.self] = newValue }
    }
}
