import Foundation
import WFMCore

/// Writes a run's files into its output folder so that no reader ever sees a partial result under a
/// final name (SPEC.md).
///
/// All contents are rendered before this is called. Each file is first written completely into a
/// staging folder inside the output folder (`.wfm-staging-<pid>`, via `AtomicFile`), and only when
/// every file is there are they renamed into place, one atomic rename(2) each; the staging folder
/// is then removed. A failure while staging leaves the final names untouched.
public enum OutputFolder {
    public static func write(_ files: [(name: String, contents: String)], to folder: String) throws {
        precondition(Set(files.map(\.name)).count == files.count, "duplicate output names: \(files.map(\.name))")
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let staging = (folder as NSString).appendingPathComponent(".wfm-staging-\(getpid())")
        try? manager.removeItem(atPath: staging)
        try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        defer { try? manager.removeItem(atPath: staging) }
        for file in files {
            try AtomicFile.write(file.contents, to: (staging as NSString).appendingPathComponent(file.name))
        }
        for file in files {
            let from = (staging as NSString).appendingPathComponent(file.name)
            let to = (folder as NSString).appendingPathComponent(file.name)
            if rename(from, to) != 0 {
                let code = errno
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: to, "errno": code])
            }
        }
    }
}
