import Fluent
import Vapor

/// An activity's way to sign up lives in two places: the activity (what its page says, which
/// review guards) and its registration settings (what the sign-up panel does). They are kept
/// the same, and on an approved activity only a reviewed change moves them.
enum ActivitySignUp {
    static func mode(of signUp: Activity.SignUp) -> RegistrationSetup.Mode {
        switch signUp {
        case .none: .off
        case .external: .external
        case .samverka: .samverka
        }
    }

    static func signUp(for mode: RegistrationSetup.Mode) -> Activity.SignUp {
        switch mode {
        case .off: .none
        case .external: .external
        case .samverka: .samverka
        }
    }

    /// Makes the registration settings say what the activity says; a link the activity no
    /// longer has is dropped, not kept out of sight to come back later.
    static func keepInStep(_ activity: Activity, programme: Programme, on database: any Database) async throws {
        let setup = try await ActivitySubject(activity: activity, programme: programme).setup(on: database)
        let mode = mode(of: activity.signUp)
        let url = mode == .external ? activity.signUpURL : nil
        guard setup.mode != mode || setup.externalURL != url, setup.id != nil || mode != .off else { return }
        setup.mode = mode
        setup.externalURL = url
        try await setup.save(on: database)
    }

    /// Whether registration settings would change how to sign up to an approved activity,
    /// which only its form, through review, may do.
    static func bypassesReview(_ setup: RegistrationSetup, _ activity: Activity) -> Bool {
        guard activity.status == .approved else { return false }
        return setup.mode != mode(of: activity.signUp)
            || (setup.mode == .external && setup.externalURL != activity.signUpURL)
    }
}
