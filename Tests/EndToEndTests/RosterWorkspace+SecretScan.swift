import Foundation
import PaybatchKit

extension RosterWorkspace {
    /// Every secret the workspace knows, in each form it could leak as, with a label that names
    /// it without showing it: tokens, the client secret, and each key of every key file as raw
    /// bytes, base64 and hex (both cases), and the key file's whole text.
    func secretForms() -> [(label: String, bytes: Data)] {
        var forms: [(String, Data)] = server.world.connections.map {
            ("token …\($0.accessToken.suffix(4))", Data($0.accessToken.utf8))
        }
        forms.append(("client secret", Data(Self.clientSecret.utf8)))
        for file in keyFiles() {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            forms.append(("key file \(file)", Data(text.utf8)))
            for line in text.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: ":", maxSplits: 1).map(String.init)
                guard parts.count == 2, let raw = Data(base64Encoded: parts[1]) else { continue }
                let hex = raw.map { String(format: "%02x", $0) }.joined()
                forms += [
                    ("key \(parts[0]) bytes", raw), ("key \(parts[0]) base64", Data(parts[1].utf8)),
                    ("key \(parts[0]) hex", Data(hex.utf8)),
                    ("key \(parts[0]) HEX", Data(hex.uppercased().utf8)),
                ]
            }
        }
        return forms
    }

    /// The key files in the folder (`*.key`).
    func keyFiles() -> [String] {
        allFiles().filter { $0.hasSuffix(".key") }
    }

    /// Every file paybatch wrote in the folder (outputs, run.json, backups, the store, logs),
    /// leaving out the inputs that hold secrets by design: the roster and the key files.
    func writtenFiles() -> [(name: String, bytes: Data)] {
        allFiles().filter { !$0.hasSuffix(".key") && $0 != rosterFile }.compactMap { path in
            FileManager.default.contents(atPath: path).map { (path, $0) }
        }
    }

    private func allFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var files: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files.append(url.path)
            }
        }
        return files.sorted()
    }
}

extension Data {
    /// Whether `needle` occurs in these bytes. memchr and memcmp, not `range(of:)`: the scan reads megabytes
    /// for dozens of secrets, and a slow scan on a cooperative thread starves the in-process
    /// sandboxes of the suites running beside it.
    func holds(_ needle: Data) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        return withUnsafeBytes { haystack in
            needle.withUnsafeBytes { n in
                // memchr to each candidate first byte, memcmp for the rest (Glibc has no memmem here).
                guard let base = haystack.baseAddress, let first = n.first else { return false }
                var offset = 0
                let last = haystack.count - n.count
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else {
                        return false
                    }
                    let at = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + at, n.baseAddress!, n.count) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}
