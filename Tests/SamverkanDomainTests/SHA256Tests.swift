import Testing

@testable import SamverkanDomain

/// The hand-written SHA-256 that guards approved minutes, against digests computed independently
/// (Python's `hashlib` and coreutils' `sha256sum` agreed on each), above all at the padding edges:
/// a message of 55 bytes still fits its length in the first 64-byte block, 56 does not, 64 fills
/// a block exactly, and 119/120 are the same edge one block later.
@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-4 examples: empty, \"abc\", the two-block 56-byte message, a thousand a")
    func fips() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test(
        "Messages of \"a\" at the padding edges",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (57, "f13b2d724659eb3bf47f2dd6af1accc87b81f09f59f2b75e5c0bed6589dfe8c6"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
            (128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
        ])
    func paddingEdges(length: Int, expected: String) {
        #expect(SHA256.hex(String(repeating: "a", count: length)) == expected)
        #expect(SHA256.digest([UInt8](repeating: 0x61, count: length)).count == 32)
    }

    @Test("Text is hashed as UTF-8: 28 × \"Å\" is 56 bytes")
    func utf8() {
        #expect(SHA256.hex(String(repeating: "Å", count: 28)) == "cd6a15b3b4883831af31ec16aa7af0e80c7e2f90c1d98cb39439f0eafbaa0fed")
    }
}
