import Foundation

/// Where Samverka's own files are: `Resources/` (templates, interface strings, municipalities)
/// and `Public/` (the stylesheet). `SAMVERKA_HOME` when set; otherwise the working directory
/// if it holds them; otherwise the checkout the binary was built in, found upward from the
/// executable, so `.build/release/samverka` runs from any directory.
enum SamverkaHome {
    struct NotFound: Error, CustomStringConvertible {
        let looked: [String]
        let fromSetting: Bool

        var description: String {
            (fromSetting ? "SAMVERKA_HOME does not hold Samverka's files." : "Samverka cannot find its own files.")
                + " It needs a folder with Resources/ (templates and interface strings) and Public/ (the stylesheet); looked in "
                + looked.joined(separator: ", ")
                + ". Set SAMVERKA_HOME to the folder that holds them (the checkout, or where they were installed)."
        }
    }

    static let marker = "Resources/Locales/sv.json"

    /// The folder, ending in `/`.
    static func locate(setting: String?, workingDirectory: String, executable: String?) throws(NotFound) -> String {
        if let setting, !setting.isEmpty {
            guard holdsFiles(setting) else { throw NotFound(looked: [setting], fromSetting: true) }
            return folder(setting)
        }
        var looked = [workingDirectory]
        if holdsFiles(workingDirectory) { return folder(workingDirectory) }
        if let executable {
            var candidate = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            while candidate.path != "/" && !candidate.path.isEmpty {
                looked.append(candidate.path)
                if holdsFiles(candidate.path) { return folder(candidate.path) }
                candidate = candidate.deletingLastPathComponent()
            }
        }
        throw NotFound(looked: looked, fromSetting: false)
    }

    private static func holdsFiles(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: folder(path) + marker)
    }

    private static func folder(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}
