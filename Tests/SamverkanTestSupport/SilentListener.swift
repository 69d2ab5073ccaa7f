import Foundation

/// A TCP socket on 127.0.0.1 that accepts connections (the kernel completes them) but never
/// answers: a server that hangs, for tests of timeouts. Closed when the last reference goes.
public final class SilentListener: Sendable {
    /// The port it listens on.
    public let port: Int
    private let socket: Int32

    public init() throws {
        (socket, port) = try Self.bindLoopback()
        guard listen(socket, 16) == 0 else {
            close(socket)
            throw ClusterError("cannot listen on 127.0.0.1")
        }
    }

    /// A TCP socket bound to 127.0.0.1 at a port the kernel chose, and that port.
    static func bindLoopback() throws -> (socket: Int32, port: Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClusterError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard bound == 0, named == 0 else {
            close(socket)
            throw ClusterError("cannot bind a socket on 127.0.0.1")
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    deinit { close(socket) }
}
