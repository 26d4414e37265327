import WFMCore
import Testing

/// FIPS 180-4 / NIST CSRC example vectors for SHA-256.
@Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
])
func sha256MatchesPublishedVectors(message: String, digest: String) {
    #expect(SHA256.hex(Array(message.utf8)) == digest)
}

@Test func sha256OfOneMillionAs() {
    #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
}

/// Feeding the bytes in pieces of any size gives the digest of the whole (padding boundaries 55/56/64).
@Test(arguments: [1, 7, 55, 56, 63, 64, 65, 200])
func sha256IsIndependentOfChunking(chunk: Int) {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var hasher = SHA256()
    var i = 0
    while i < bytes.count {
        hasher.update(bytes[i..<min(i + chunk, bytes.count)])
        i += chunk
    }
    #expect(SHA256.hexString(hasher.finalize()) == SHA256.hex(bytes))
}
