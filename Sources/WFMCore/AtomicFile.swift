import Foundation

/// Writes files so that a reader never sees a half-written file under its final name.
public enum AtomicFile {
    /// Writes `contents` to a temporary file in the same directory, then renames it over `path`.
    /// rename(2) within one file system is atomic, so an interrupted run leaves the old file or none.
    public static func write(_ contents: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try Data(contents.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path, "errno": code])
        }
    }
}
