import Foundation

/// The export's last stage: the files the render stage sealed under their temporary names go into
/// place together, run.json last (its presence says the folder is whole); the files of earlier
/// exports this one did not write are removed. Until the first rename the folder is as the last
/// export left it: a failure while rendering never replaces a good file with a worse one.
struct ExportPublisher {
    let folder: OutputFolder

    /// Renames `sealed` into place, then writes run.json describing them; returns every file, in
    /// run.json's order, run.json last.
    func publish(
        _ sealed: [AtomicFile], runJSON: (_ files: [WrittenFile]) -> RunJSON
    ) throws -> [WrittenFile] {
        var files = sealed.compactMap(\.sealed)
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        for file in sealed { try file.publish() }
        let written = try runJSON(files).write(to: folder)
        try removeStaleFiles(keeping: Set(files.map(\.path) + [written.path]))
        return files + [written]
    }

    /// Files of earlier exports that this one did not write go; reconciliation files stay (SPEC §8).
    private func removeStaleFiles(keeping kept: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names
        where !kept.contains(name) && !name.hasPrefix("reconciliation") && !name.hasPrefix(".") {
            try? FileManager.default.removeItem(atPath: folder.path + "/" + name)
        }
    }
}
