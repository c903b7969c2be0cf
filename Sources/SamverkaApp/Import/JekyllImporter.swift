import Fluent
import Foundation

/// Imports a Jekyll site into Samverka: reads every file, then writes everything in one
/// transaction. Re-running updates items in place by slug and creates no duplicates;
/// `dryRun` reads and reports but changes nothing.
struct JekyllImporter: Sendable {
    let root: URL
    let uploadsDirectory: String
    let timeZone: TimeZone
    let municipalities: Municipalities
    var dryRun = false
    /// Moves every event by this many weeks, in the installation's calendar so that 15:00 stays
    /// 15:00 across daylight-saving changes; the demo site uses it to keep its events upcoming.
    var shiftEventsByWeeks = 0
    /// Called after each file with (done, total, file), for a progress bar.
    var progress: @Sendable (Int, Int, String) -> Void = { _, _, _ in }

    struct NotASite: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is not a Jekyll site: it has none of _events, _posts, _groups." }
    }

    func run(on database: any Database) async throws -> ImportReport {
        var reader = JekyllReader(root: root, timeZone: timeZone, municipalities: municipalities)
        reader.report.dryRun = dryRun
        let groupFiles = reader.files(in: "_groups")
        let eventFiles = reader.files(in: "_events")
        let projectFiles = reader.files(in: "_posts")
        guard !(groupFiles.isEmpty && eventFiles.isEmpty && projectFiles.isEmpty) else {
            throw NotASite(path: root.path)
        }

        var site = ImportedSite()
        let total = groupFiles.count + eventFiles.count + projectFiles.count
        var done = 0
        func step(_ file: String) {
            done += 1
            progress(done, total, file)
        }
        for file in groupFiles {
            if let group = reader.readGroup(file) {
                site.groups.append(group)
            } else {
                reader.report.groups.skipped += 1
            }
            step(file)
        }
        for file in eventFiles {
            if let event = reader.readEvent(file) {
                site.events.append(event)
            } else {
                reader.report.events.skipped += 1
            }
            step(file)
        }
        for file in projectFiles {
            if let project = reader.readProject(file) {
                site.projects.append(project)
            } else {
                reader.report.projects.skipped += 1
            }
            step(file)
        }
        var report = reader.report
        for file in reader.uploadFiles where UploadTypes.mediaType(forFileName: file) == nil {
            report.warn("_uploads/" + file, "not an image or a PDF, so not copied")
        }
        site.uploads = reader.uploadFiles.filter { UploadTypes.mediaType(forFileName: $0) != nil }
        checkUploads(site, report: &report)

        if dryRun {
            try await countChanges(site, report: &report, on: database)
        } else {
            let (read, initial) = (site, report)
            report = try await database.transaction { transaction in
                var writing = initial
                try await write(read, report: &writing, on: transaction)
                return writing
            }
            report.uploadsCopied = try copyUploads(site.uploads)
        }
        return report
    }

    // MARK: Checks

    /// Reports every `/uploads/…` an item refers to that the site does not have.
    private func checkUploads(_ site: ImportedSite, report: inout ImportReport) {
        let available = Set(site.uploads)
        let pattern = /\/uploads\/[^\s)"'\]]+/
        func check(_ common: ImportedCommon, extra: [String]) {
            var references = ([common.image].compactMap { $0 } + extra).filter { $0.hasPrefix("/uploads/") }
            references += common.body.matches(of: pattern).map { String($0.output) }
            var seen = Set<String>()
            for reference in references where seen.insert(reference).inserted {
                let name = String(reference.dropFirst("/uploads/".count))
                if !available.contains(name.removingPercentEncoding ?? name) {
                    report.warn(common.file, "upload \(reference) is missing from _uploads")
                }
            }
        }
        for event in site.events { check(event.common, extra: event.partners.map(\.logo)) }
        for project in site.projects { check(project.common, extra: project.contacts.map(\.image)) }
        for group in site.groups {
            check(group.common, extra: group.partners.map(\.logo) + group.contacts.map(\.image))
        }
    }

    private func countChanges(_ site: ImportedSite, report: inout ImportReport, on database: any Database) async throws
    {
        for group in site.groups {
            if try await LocalGroup.find(slug: group.common.slug, on: database) == nil {
                report.groups.created += 1
            } else {
                report.groups.updated += 1
            }
        }
        for event in site.events {
            if try await Event.find(slug: event.common.slug, includingUnpublished: true, on: database) == nil {
                report.events.created += 1
            } else {
                report.events.updated += 1
            }
        }
        for project in site.projects {
            if try await Project.find(slug: project.common.slug, on: database) == nil {
                report.projects.created += 1
            } else {
                report.projects.updated += 1
            }
        }
        report.uploadsCopied = site.uploads.count
    }

    // MARK: Writing

    private func write(_ site: ImportedSite, report: inout ImportReport, on database: any Database) async throws {
        var groupIDs: [String: UUID] = [:]
        for imported in site.groups {
            let (group, created) = try await upsert(LocalGroup.self, imported.common, on: database)
            group.contacts = imported.contacts
            group.partners = imported.partners
            try await group.save(on: database)
            if created { report.groups.created += 1 } else { report.groups.updated += 1 }
            groupIDs[imported.common.slug] = group.id
            try await redirect(imported.common, to: .group, id: group.id, report: &report, on: database)
        }
        // A group may also be named by its `ref`, the key it shares with its translation.
        for imported in site.groups {
            if let key = imported.common.translationKey, groupIDs[key] == nil {
                groupIDs[key] = groupIDs[imported.common.slug]
            }
        }

        var eventIDs: [String: UUID] = [:]
        for imported in site.events {
            let (event, created) = try await upsert(Event.self, imported.common, on: database)
            event.startsAt = shifted(imported.startsAt)
            event.endsAt = nil
            event.dateDescription = imported.dateDescription
            event.format = imported.format
            event.placeName = imported.placeName
            event.address = imported.address
            event.municipalityCode = imported.municipalityCode
            event.onlineURL = imported.onlineURL
            event.links = imported.links
            event.partners = imported.partners
            event.status = created ? .scheduled : event.status
            event.recurrence = imported.recurrence
            event.recurrenceUntil = imported.recurrenceUntil.map(shifted)
            event.$localGroup.id = try await groupID(
                imported.groupReference, known: groupIDs, file: imported.common.file, report: &report, on: database)
            try await event.save(on: database)
            if created { report.events.created += 1 } else { report.events.updated += 1 }
            eventIDs[imported.common.slug] = event.id
            try await redirect(imported.common, to: .event, id: event.id, report: &report, on: database)
        }

        for imported in site.projects {
            let (project, created) = try await upsert(Project.self, imported.common, on: database)
            project.links = imported.links
            project.contacts = imported.contacts
            project.chat = imported.chat
            project.tags = imported.tags
            project.publishedAt = imported.publishedAt
            project.$localGroup.id = try await groupID(
                imported.groupReference, known: groupIDs, file: imported.common.file, report: &report, on: database)
            try await project.save(on: database)
            if created { report.projects.created += 1 } else { report.projects.updated += 1 }
            var events: [Event] = []
            for slug in imported.eventSlugs {
                if let event = try await Event.find(slug: slug, on: database) {
                    events.append(event)
                } else {
                    report.warn(
                        imported.common.file, "event '\(slug)' it took part in is not in the site; link left out")
                }
            }
            try await project.$events.detachAll(on: database)
            try await project.$events.attach(events, on: database)
            try await redirect(imported.common, to: .project, id: project.id, report: &report, on: database)
        }
    }

    private func shifted(_ date: Date) -> Date {
        guard shiftEventsByWeeks != 0 else { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(byAdding: .weekOfYear, value: shiftEventsByWeeks, to: date) ?? date
    }

    /// Finds the item with the file's slug or makes a new one, and sets the shared fields.
    private func upsert<Item: EditableContent>(
        _ type: Item.Type, _ common: ImportedCommon, on database: any Database
    ) async throws -> (Item, Bool) {
        // An event a moderator unpublished keeps its slug and is left as the moderator left it
        // (Fluent writes no change to a soft-deleted row).
        let existing = try await Item.find(slug: common.slug, includingUnpublished: true, on: database)
        let item = existing ?? Item()
        item.slug = common.slug
        item.language = common.language
        item.translationKey = common.translationKey
        item.title = common.title
        item.excerpt = common.excerpt
        item.ingress = common.ingress
        item.body = common.body
        item.image = common.image
        return (item, existing == nil)
    }

    private func groupID(
        _ reference: String?, known: [String: UUID], file: String, report: inout ImportReport, on database: any Database
    ) async throws -> UUID? {
        guard let reference else { return nil }
        if let id = known[reference] { return id }
        if let group = try await LocalGroup.find(slug: reference, on: database) { return group.id }
        report.warn(file, "group '\(reference)' is not in the site; left out")
        return nil
    }

    private func redirect(
        _ common: ImportedCommon, to target: LegacyRedirect.Target, id: UUID?, report: inout ImportReport,
        on database: any Database
    ) async throws {
        guard let id else { return }
        let newPath: String =
            switch target {
            case .event: Event.url(.show(.value(common.slug))).path
            case .project: Project.url(.show(.value(common.slug))).path
            case .group: LocalGroup.url(.show(.value(common.slug))).path
            }
        for oldPath in common.oldPaths {
            let path = LegacyRedirect.normalise(oldPath)
            guard path != newPath, path != "/" else { continue }
            if let existing = try await LegacyRedirect.query(on: database).filter(\.$path == path).first() {
                if existing.targetID != id && existing.targetKind == target {
                    existing.targetID = id
                    try await existing.save(on: database)
                } else if existing.targetID != id {
                    report.warn(
                        common.file, "old address \(oldPath) belongs to another item already; not redirected here")
                    continue
                }
            } else {
                try await LegacyRedirect(path: path, target: target, id: id).create(on: database)
            }
            report.redirects += 1
        }
    }

    /// Copies `_uploads` into the data folder, skipping files that are already there unchanged.
    private func copyUploads(_ files: [String]) throws -> Int {
        let manager = FileManager.default
        var copied = 0
        for file in files {
            let source = root.appendingPathComponent("_uploads").appendingPathComponent(file).path
            let target = uploadsDirectory + "/" + file
            try manager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: target) {
                if manager.contentsEqual(atPath: source, andPath: target) { continue }
                try manager.removeItem(atPath: target)
            }
            try manager.copyItem(atPath: source, toPath: target)
            copied += 1
        }
        return copied
    }
}
