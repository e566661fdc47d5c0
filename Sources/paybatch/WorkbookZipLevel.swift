import CXLSXZipLevel
import Logging

/// Whether this executable's workbooks are zipped at zlib's fastest level. libxlsxwriter has no
/// option for the level, so Sources/CXLSXZipLevel defines libminizip's entry point in the
/// executable (and only there: the library and its tests keep libxlsxwriter's default). The
/// dynamic linker decides whether libxlsxwriter's call reaches it; the self-check asks it once, at
/// start, and only then is the level changed: otherwise libxlsxwriter's default stays, which is
/// slower to write and smaller, never a different workbook to read.
enum WorkbookZipLevel {
    /// What the self-check found, in the words of the debug line.
    enum Check: String {
        case interposed
        case notExported = "not_exported"
        case noMinizip = "no_minizip"
        case minizipInsideLibxlsxwriter = "minizip_inside_libxlsxwriter"
        case noLibxlsxwriter = "no_libxlsxwriter"

        init(code: Int32) {
            switch Int(code) {
            case PAYBATCH_ZIP_INTERPOSED: self = .interposed
            case PAYBATCH_ZIP_NOT_EXPORTED: self = .notExported
            case PAYBATCH_ZIP_NO_MINIZIP: self = .noMinizip
            case PAYBATCH_ZIP_INSIDE_LIBXLSXWRITER: self = .minizipInsideLibxlsxwriter
            default: self = .noLibxlsxwriter
            }
        }

        /// Why the default level stays, for the debug line.
        var reason: String {
            switch self {
            case .interposed: "libxlsxwriter's call to libminizip reaches paybatch's own"
            case .notExported:
                "the executable does not export its zipOpenNewFileInZip4_64 (Package.swift), so libxlsxwriter's call goes straight to libminizip"
            case .noMinizip: "no libminizip definition of zipOpenNewFileInZip4_64 follows paybatch's"
            case .minizipInsideLibxlsxwriter:
                "this libxlsxwriter carries its own minizip, whose calls may never reach paybatch's"
            case .noLibxlsxwriter: "libxlsxwriter is not loaded"
            }
        }
    }

    /// Run once, on first use: `Paybatch.main` uses it before any command can write a workbook.
    static let check = Check(code: paybatch_zip_level_self_check())

    /// Says once, at debug level, which level workbooks get and why.
    static func log(to logger: Logger) {
        if check == .interposed {
            logger.debug(
                "workbook parts are zipped at zlib's fastest level: \(check.reason)",
                metadata: ["zip_level": "fastest", "zip_self_check": .string(check.rawValue)])
        } else {
            logger.debug(
                "workbook parts are zipped at libxlsxwriter's default level: \(check.reason)",
                metadata: ["zip_level": "default", "zip_self_check": .string(check.rawValue)])
        }
    }
}
