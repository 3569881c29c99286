import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes read from a file descriptor with read(2), into an array made for them.
enum FileBytes {
    /// Up to `count` bytes from `fd`: fewer only at the end of the file (read(2) may give less than
    /// asked, and is asked again; an interrupted read is tried again). The errno when reading failed.
    static func read(_ fd: Int32, upTo count: Int) -> Result<[UInt8], POSIXError> {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            while filled < count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, count - filled)
                if n > 0 { filled += n } else if n < 0 && errno == EINTR { continue } else { failure = n < 0 ? errno : 0; break }
            }
        }
        return failure == 0 ? .success(bytes) : .failure(POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO))
    }
}
