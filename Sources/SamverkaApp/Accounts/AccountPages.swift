import Foundation
import Vapor

/// One form of several on a page, as `#extend("Shared/form", area)` draws it.
struct MemberFormArea: Encodable {
    let form: FormContext
}

/// `/admin/members`: finding members. `Accounts/admin-members`.
struct MemberListPage: Encodable {
    struct Row: Encodable {
        let name: String
        let email: String
        let href: String
        let role: String
        let state: String
        let since: String
    }

    struct LogLine: Encodable {
        let when: String
        let text: String
    }

    let layout: LayoutContext
    let heading: String
    let query: String
    let count: String
    let rows: [Row]
    let pagination: Pagination
    let log: [LogLine]
    let outboxHref: String
    let twoFactorArea: MemberFormArea
}

/// `/admin/members/{id}`: one member's role, suspension and log. `Accounts/admin-member`.
struct MemberAdminPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let backHref: String
    let email: String
    let state: String
    let suspension: String?
    let roleArea: MemberFormArea
    let suspensionArea: MemberFormArea
}

/// `/account`: a member's own account. `Accounts/account`.
struct MyAccountPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let name: String
    let email: String
    let since: String
    let registrationsHref: String
    let activitiesHref: String
    let dataHref: String
    /// The member's calendar feed, once they asked for one.
    let calendarURL: String?
    let calendarAction: String
    let changePasswordHref: String
    let changeEmailHref: String
    let signOutEverywhereAction: String
    let csrf: String
    let form: FormContext
}

/// Signing in and creating an account. `Accounts/form`.
struct AccountPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let form: FormContext
    let otherHref: String
    let otherLabel: String
    let forgotHref: String?
}

/// A page that tells the person something and perhaps offers one button.
struct IdentityNoticePage: Encodable {
    struct Link: Encodable {
        let href: String
        let label: String
    }

    let layout: LayoutContext
    let heading: String
    let paragraphs: [String]
    let action: String?
    let actionLabel: String
    let csrf: String
    let links: [Link]
}

/// Turning two-factor sign-in on or off. `Accounts/two-factor`.
struct TwoFactorSetupPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    let key: String?
    let uri: String?
    let recoveryCodes: [String]
    let form: FormContext?
}
