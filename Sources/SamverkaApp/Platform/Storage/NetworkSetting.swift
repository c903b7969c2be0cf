import Fluent
import Foundation

/// A choice the network's admins make in Samverka itself rather than the operator in the
/// environment: one row per key, absent until someone chooses.
final class NetworkSetting: Model, @unchecked Sendable {
    static let schema = "network_settings"

    /// Every setting there is; a key's meaning and values belong to the code that reads it.
    enum Key: String, Sendable {
        /// Which staff must sign in with two factors: `none`, `admins` or `staff`.
        case twoFactorRequired = "two_factor_required"
    }

    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "value") var value: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    static func value(of key: Key, on database: any Database) async throws -> String? {
        try await find(key.rawValue, on: database)?.value
    }

    static func set(_ key: Key, to value: String, on database: any Database) async throws {
        if let existing = try await find(key.rawValue, on: database) {
            existing.value = value
            try await existing.save(on: database)
        } else {
            let setting = NetworkSetting()
            setting.id = key.rawValue
            setting.value = value
            try await setting.create(on: database)
        }
    }
}

struct CreateNetworkSetting: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("network_settings")
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("network_settings").delete()
    }
}
