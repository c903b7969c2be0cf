import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Dates and times as people read them, in the installation's time zone and the page's language.
struct DateText {
    let timeZone: TimeZone
    let language: Language

    /// Formats with a localized template; formatters are made once per template, language
    /// and zone, since making one costs far more than using it.
    private func format(_ date: Date, template: String) -> String {
        FormatterStore.shared.format(date, key: "\(template)|\(language.rawValue)|\(timeZone.identifier)") {
            let formatter = DateFormatter()
            formatter.locale = language.locale
            formatter.timeZone = timeZone
            formatter.setLocalizedDateFormatFromTemplate(template)
            return formatter
        }
    }

    /// "6 juli 2021 13:15" / "6 July 2021 13:15".
    func dateAndTime(_ date: Date) -> String {
        format(date, template: "dMMMMyyyyHHmm")
    }

    /// "6 juli 2021" / "6 July 2021".
    func date(_ date: Date) -> String {
        format(date, template: "dMMMMyyyy")
    }

    /// "tisdag 6 juli 2021" / "Tuesday 6 July 2021".
    func longDate(_ date: Date) -> String {
        format(date, template: "EEEEdMMMMyyyy")
    }

    /// "tis 6 juli" / "Tue 6 July": a day among the few of one week, where the year is known.
    func weekdayAndDate(_ date: Date) -> String {
        format(date, template: "EEEdMMMM")
    }

    func time(_ date: Date) -> String {
        format(date, template: "HHmm")
    }

    /// The value of `<time datetime>`: ISO 8601 with the zone's offset.
    func machine(_ date: Date) -> String {
        FormatterStore.shared.format(date, key: "iso8601|\(timeZone.identifier)") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ssxxxxx"
            return formatter
        }
    }

    /// A local date and time a spreadsheet reads as one ("2026-03-03 10:00").
    func spreadsheet(_ date: Date) -> String {
        FormatterStore.shared.format(date, key: "spreadsheet|\(timeZone.identifier)") {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            return formatter
        }
    }

    /// The value of an `<input type="datetime-local">`.
    func inputValue(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    /// The value of an `<input type="date">`.
    func dayInputValue(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// Reads an `<input type="date">` value as midnight of that day in the installation's zone.
    func parseDay(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }

    /// Reads an `<input type="datetime-local">` value as a time in the installation's zone.
    func parseInput(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmingCharacters(in: .whitespaces)) { return date }
        }
        return nil
    }
}

extension Request {
    var dates: DateText {
        DateText(timeZone: application.settings.timeZone, language: language)
    }
}

/// The date formatters of the whole application, each made on first use. Formatting happens
/// under the lock: Foundation does not promise that one formatter may serve two threads at once.
final class FormatterStore: @unchecked Sendable {
    static let shared = FormatterStore()
    private let lock = NIOLock()
    private var formatters: [String: DateFormatter] = [:]

    func format(_ date: Date, key: String, make: () -> DateFormatter) -> String {
        lock.withLock {
            if let formatter = formatters[key] { return formatter.string(from: date) }
            let formatter = make()
            formatters[key] = formatter
            return formatter.string(from: date)
        }
    }
}
