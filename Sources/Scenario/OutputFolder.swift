import Foundation
import WFMCore

/// Writes a run's files as one folder, so that no reader ever sees a partial or mixed result
/// (SPEC.md): after a crash at any moment the output folder is the previous complete run or absent.
///
/// Every file (the report included, rendered by `finish` from the staged files) is written into a
/// sibling staging folder `.NAME.wfm-new-<pid>`; then the old folder is renamed away to
/// `.NAME.wfm-old-<pid>`, the staging folder renamed in (each one atomic rename(2) on one file
/// system), and the old folder deleted. A failure while staging leaves the output folder untouched.
/// Leftovers of a killed run are cleaned up by the next write (`recoverLeftovers`). Callers hold
/// the folder's `lock(_:)` from the start of the run to the end of the write.
///
/// An existing output folder is replaced only when it is a run folder (it holds summary.json) or
/// empty: a folder of other files is never deleted.
public enum OutputFolder {
    /// A held lock on an output folder (`lock(_:)`); released on `release()` or when the process ends.
    /// Release removes the lock file before unlocking, so a finished run leaves nothing beside its
    /// folder; `lock(_:)` re-checks after flock that its descriptor is still the file at the path.
    public final class Lock: @unchecked Sendable {
        private var descriptor: Int32
        private let path: String
        fileprivate init(descriptor: Int32, path: String) { self.descriptor = descriptor; self.path = path }
        public func release() {
            guard descriptor >= 0 else { return }
            unlink(path)
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
        deinit { release() }
    }

    /// Takes the lock of `folder` (flock(2) on the sibling file `.NAME.wfm-lock`, created if needed),
    /// so that two runs into one folder at once cannot interleave. Throws a diagnostic naming the
    /// folder when another process holds it.
    public static func lock(_ folder: String) throws -> Lock {
        let (parent, name) = split(folder)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let path = (parent as NSString).appendingPathComponent(".\(name).wfm-lock")
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw DiagnosticError([Diagnostic(file: folder, message: "cannot create the lock file \(path): \(String(cString: strerror(errno)))")])
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)
                throw DiagnosticError([Diagnostic(file: folder, message: "another wfm run is writing this folder (it holds \(path)): wait for it to finish or give another --out")])
            }
            // The holder before us may have removed the file between our open and our flock: then
            // our lock is on a file nobody else will open, so take the lock again on the new file.
            var held = stat(), current = stat()
            if fstat(fd, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                return Lock(descriptor: fd, path: path)
            }
            close(fd)
        }
    }

    /// Writes `files` (and whatever `finish` adds to the staging folder it is given) as `folder`.
    public static func write(_ files: [(name: String, contents: String)], to folder: String,
                             finish: (String) throws -> Void = { _ in }) throws {
        precondition(Set(files.map(\.name)).count == files.count, "duplicate output names: \(files.map(\.name))")
        let manager = FileManager.default
        let (parent, name) = split(folder)
        try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        recoverLeftovers(parent: parent, name: name, folder: folder)
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if exists {
            let entries = isDirectory.boolValue ? (try? manager.contentsOfDirectory(atPath: folder)) : nil
            guard let entries, entries.isEmpty || entries.contains("summary.json") else {
                throw DiagnosticError([Diagnostic(file: folder, message: "exists and is not a wfm run folder (no summary.json): give an --out that is new, empty or a previous run")])
            }
        }
        let staging = (parent as NSString).appendingPathComponent(".\(name).wfm-new-\(getpid())")
        let old = (parent as NSString).appendingPathComponent(".\(name).wfm-old-\(getpid())")
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        do {
            for file in files {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: (staging as NSString).appendingPathComponent(file.name)))
            }
            try finish(staging)
            if exists { try move(folder, to: old) }
            try move(staging, to: folder)
        } catch {
            try? manager.removeItem(atPath: staging)
            if exists && !manager.fileExists(atPath: folder) { try? move(old, to: folder) }
            throw error
        }
        if exists { try? manager.removeItem(atPath: old) }
    }

    private static func move(_ from: String, to: String) throws {
        guard rename(from, to) == 0 else {
            let code = errno
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to, NSLocalizedDescriptionKey: "rename \(from) → \(to): \(String(cString: strerror(code)))"])
        }
    }

    /// Cleans up after runs into this folder that were killed before they finished: their staging
    /// folders are deleted; an old folder is put back when the output folder is absent (the kill
    /// fell between the two renames), else deleted.
    private static func recoverLeftovers(parent: String, name: String, folder: String) {
        let manager = FileManager.default
        let entries = ((try? manager.contentsOfDirectory(atPath: parent)) ?? []).sorted()
        for entry in entries where entry.hasPrefix(".\(name).wfm-new-") || entry.hasPrefix(".\(name).wfm-old-") {
            let path = (parent as NSString).appendingPathComponent(entry)
            if entry.hasPrefix(".\(name).wfm-old-"), !manager.fileExists(atPath: folder), (try? move(path, to: folder)) != nil { continue }
            try? manager.removeItem(atPath: path)
        }
    }

    /// The parent folder and last component of `folder` (a trailing slash ignored).
    private static func split(_ folder: String) -> (parent: String, name: String) {
        let standard = (folder as NSString).standardizingPath
        let parent = (standard as NSString).deletingLastPathComponent
        return (parent.isEmpty ? "." : parent, (standard as NSString).lastPathComponent)
    }
}
