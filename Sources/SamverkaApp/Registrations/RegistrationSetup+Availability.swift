import Fluent
import Vapor

/// What the sign-up box and the sign-up page say about places, for any subject.
extension RegistrationSetup {
    /// Why nobody can sign up now (cancelled, closed, full without a waiting list), or nil.
    func closedMessage(for subject: any RegistrationSubject, full: Bool, request: Request) -> String? {
        if cancelledAt != nil { return request.t("registration.event_cancelled") }
        if !isOpen(at: request.now, start: subject.startsAt) || !subject.isOpenToPublic(now: request.now) {
            return request.t("registration.closed")
        }
        if full && !waitingList { return request.t("registration.full") }
        return nil
    }

    /// "12 seats left", "Full: the waiting list is open", or "Unlimited seats".
    func availability(request: Request) async throws -> (text: String, full: Bool) {
        guard let capacity, let setupID = id else {
            return (request.t("registration.unlimited"), false)
        }
        let base = Registration.query(on: request.db).filter(\.$setup.$id == setupID)
        let confirmed = try await base.copy().filter(\.$status == .confirmed).count()
        let waiting = try await base.copy().filter(\.$status == .waiting).count()
        if confirmed < capacity && waiting == 0 {
            return (
                request.t("registration.seats_left", count: capacity - confirmed, ["capacity": "\(capacity)"]), false
            )
        }
        return (request.t(waitingList ? "registration.full_waiting_list" : "registration.full"), true)
    }
}
