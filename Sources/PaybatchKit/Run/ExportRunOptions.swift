import Foundation

/// What an export run records with itself (`RunRecord.options`, JSON): the `--only` a resume must
/// repeat, and the shape its requests were made in, by which its stored answers are read.
struct ExportRunOptions: Codable, Equatable {
    var only: [String]
    /// Nil for a run recorded before the shape was kept: its answers' shape is unknown.
    var shape: RequestShape?

    init(only: [String], shape: RequestShape?) {
        self.only = only
        self.shape = shape
    }

    /// The options a run recorded; a run recorded before the shape was kept holds only the
    /// `--only` list (a JSON array).
    init(recorded text: String) {
        let data = Data(text.utf8)
        if let options = try? JSONDecoder().decode(Self.self, from: data) {
            self = options
        } else {
            self.init(only: (try? JSONDecoder().decode([String].self, from: data)) ?? [], shape: nil)
        }
    }

    /// Whether the run's stored answers can be read as answers to requests of `asked`. A run
    /// recorded before the shape was kept is taken to be of the shape asked now, as every run was
    /// before: a paybatch upgraded between two runs does not fetch every connection again.
    func serves(_ asked: RequestShape) -> Bool { shape.map { $0 == asked } ?? true }

    /// The JSON text recorded (keys sorted, so equal options are equal text).
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
