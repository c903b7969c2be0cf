import Foundation
import Vapor

/// An edition as a list entry.
struct ProgrammeCard: Encodable {
    let name: String
    let href: String
    let days: String
    let isCurrent: Bool
}

/// `/programmes`: every edition, newest first, kept year after year.
struct ProgrammeIndexPage: Encodable {
    let layout: LayoutContext
    let heading: String
    let intro: String
    let programmes: [ProgrammeCard]
    let newHref: String?
}

/// What a programme page says about taking part and about when it opens.
struct ProgrammeFacts: Encodable {
    let days: String
    let submission: String
    let release: String?
    let rules: [String]
    let themes: [String]

    init(_ programme: Programme, request: Request) {
        let dates = request.dates
        let now = request.now
        days = dates.date(programme.firstDay) + " – " + dates.date(programme.lastDay)
        if now < programme.submissionOpensAt {
            submission = request.t(
                "programme.submission_opens", ["date": dates.dateAndTime(programme.submissionOpensAt)])
        } else if let closes = programme.submissionClosesAt {
            submission =
                now < closes
                ? request.t("programme.submission_open_until", ["date": dates.dateAndTime(closes)])
                : request.t("programme.submission_closed")
        } else if now < programme.end(calendar: request.application.calendar) {
            submission = request.t("programme.submission_open_until_start")
        } else {
            submission = request.t("programme.submission_closed")
        }
        release =
            programme.isPublic(at: now)
            ? nil : request.t("programme.opens_to_public", ["date": dates.dateAndTime(programme.publicFrom)])
        var rules: [String] = []
        if programme.requiresPublicParty { rules.append(request.t("programme.rule_public_party")) }
        if let cap = programme.maxActivitiesPerOrganisation {
            rules.append(request.t("programme.rule_cap", count: cap))
        }
        self.rules = rules
        themes = programme.themes.map { $0.name(request.language) }
    }
}
