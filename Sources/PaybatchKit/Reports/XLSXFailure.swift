import CXLSXWriter

/// libxlsxwriter refused something: exit 73 when it could not write its files, 70 when paybatch
/// asked it something wrong (a bug).
public struct XLSXFailure: PaybatchFailure, Equatable {
    public var path: String
    /// What paybatch was doing, such as "write row 12 of Employees".
    public var operation: String
    /// libxlsxwriter's `lxw_error` number.
    public var code: UInt32
    public var reason: String

    init(path: String, operation: String, error: lxw_error) {
        self.path = path
        self.operation = operation
        self.code = error.rawValue
        self.reason = String(cString: lxw_strerror(error))
    }

    public var exitStatus: ExitStatus {
        // LXW_ERROR_CREATING_XLSX_FILE … LXW_ERROR_ZIP_CLOSE: the file or its temporaries failed.
        (LXW_ERROR_CREATING_XLSX_FILE.rawValue...LXW_ERROR_ZIP_CLOSE.rawValue).contains(code)
            ? .cannotCreate : .software
    }
    public var message: String { "Cannot write the workbook \(path) (\(operation)): \(reason)." }
    public var remedy: String? {
        exitStatus == .cannotCreate
            ? "Check that the output folder is writable and the disk has space, or choose another --out."
            : "This is a bug in paybatch; please report it with this message."
    }
}
