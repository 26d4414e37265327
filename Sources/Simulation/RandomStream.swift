import Foundation

/// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021):
/// the simulator's random stream. Each stream is keyed by (seed, replication, purpose, index) through
/// `StreamKey.mix`, so streams are independent of one another and of the roster (common random numbers).
struct RandomStream {
    private var s0, s1, s2, s3: UInt64

    /// A stream for `key`; the four state words are successive `StreamKey.mix` outputs (never all zero).
    init(key: UInt64) {
        s0 = StreamKey.mix(key)
        s1 = StreamKey.mix(s0 ^ 0x6A09_E667_F3BC_C908)
        s2 = StreamKey.mix(s1 ^ 0xBB67_AE85_84CA_A73B)
        s3 = StreamKey.mix(s2 ^ 0x3C6E_F372_FE94_F82B) | 1
    }

    @inline(__always) mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform on (0, 1]: the top 53 bits, shifted by one ulp so that log never sees 0.
    @inline(__always) mutating func uniform() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// Exponential with mean 1 (inversion).
    @inline(__always) mutating func exponential() -> Double { -log(uniform()) }

    /// Standard normal (Box–Muller; the pair's second value is not kept, so every draw uses exactly two uniforms).
    @inline(__always) mutating func normal() -> Double {
        let r = (-2 * log(uniform())).squareRoot()
        return r * cos(2 * Double.pi * uniform())
    }
}

/// Keys of the simulator's random streams and its counter-based draws.
enum StreamKey {
    /// MurmurHash3's 64-bit finaliser (Appleby), an invertible avalanche mix of one word.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }

    /// One key from several words, each mixed into the running hash.
    static func combine(_ words: UInt64...) -> UInt64 {
        words.reduce(0x9E37_79B9_7F4A_7C15) { mix($0 ^ mix($1 &+ 0x2545_F491_4F6C_DD1D)) }
    }

    /// A uniform on [0, 1) that depends only on (replication key, agent, interval): the shrinkage draw,
    /// identical for the same agent and interval in every roster.
    @inline(__always) static func uniform(_ key: UInt64, _ agent: Int, _ interval: Int) -> Double {
        let h = mix(key ^ mix(UInt64(agent) << 32 | UInt64(UInt32(truncatingIfNeeded: interval))))
        return Double(h >> 11) * 0x1p-53
    }
}
