import Foundation

/// `log(x^a · e^(−x) / Γ(a + 1))` for real a > 0, x > 0, without cancellation at large a and x.
///
/// Written as `−½·log(2πa) − δ(a) − bd0(a, x)` with the Stirling remainder
/// `δ(a) = log Γ(a+1) − (a + ½)·log a + a − ½·log 2π` and the deviance term
/// `bd0(a, x) = a·log(a/x) + x − a ≥ 0`, both evaluated directly to full relative precision
/// (a series in `v = (a − x)/(a + x)` when a ≈ x). Naively the three terms `a·log x`, `x` and
/// `log Γ(a+1)` are each ~1e8 at a ≈ x ≈ 1e7 and their sum loses 8 digits; this form does not.
/// Source: C. Loader, "Fast and accurate computation of binomial probabilities" (2000), the method
/// of R's `dpois_raw`.
enum LogPoissonTerm {
    static func value(a: Double, x: Double) -> Double {
        precondition(a > 0 && x > 0, "log Poisson term needs a > 0 and x > 0 (a \(a), x \(x))")
        return -0.5 * log(2 * Double.pi * a) - stirlingRemainder(a) - deviance(a, x)
    }

    /// δ(a) = log Γ(a+1) − (a + ½)·log a + a − ½·log 2π; its asymptotic series from a = 15 on.
    static func stirlingRemainder(_ a: Double) -> Double {
        if a < 15 {
            return logGamma(a + 1) - (a + 0.5) * log(a) + a - 0.5 * log(2 * Double.pi)
        }
        let inverseSquare = 1 / (a * a)
        // 1/(12a) − 1/(360a³) + 1/(1260a⁵) − 1/(1680a⁷) + 1/(1188a⁹)
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - inverseSquare / 1188) * inverseSquare)
            * inverseSquare) * inverseSquare) / a
    }

    /// bd0(a, x) = a·log(a/x) + x − a, accurate also when a ≈ x.
    static func deviance(_ a: Double, _ x: Double) -> Double {
        guard abs(a - x) < 0.1 * (a + x) else { return a * log(a / x) + x - a }
        let v = (a - x) / (a + x)
        var sum = (a - x) * v
        var term = 2 * a * v
        let vSquared = v * v
        var j = 1.0
        while true {
            term *= vSquared
            let next = sum + term / (2 * j + 1)
            if next == sum { return sum }
            sum = next
            j += 1
        }
    }

    /// log Γ(z) for z > 0 (reentrant: no global sign variable).
    static func logGamma(_ z: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(z, &sign)
    }
}
