import Foundation

/// The sums over the waiting states of the M/M/N+M (Erlang A) queue, in a form that cannot overflow.
///
/// With service rate μ = 1/AHT, patience rate θ = 1/patience, `a = N·μ/θ` and `x = λ/θ` (both
/// dimensionless), the stationary probability of j waiting contacts is `π(N) · t(j)` with
/// `t(j) = Π_{k=1…j} x / (a + k)`. Everything about the waiting states follows from
///
///     J(a, x) = Σ_{j≥0} t(j) = 1F1(1; a+1; x) = a · eˣ · x^(−a) · γ(a, x) = eˣ x^(−a) Γ(a+1) P(a, x)
///
/// (γ the lower incomplete gamma function, P = γ/Γ its regularised form), and from
/// `Σ_j j·t(j) = (x − a)·J + a`. This type returns the quantities the Erlang A formulas need, each
/// computed without cancellation:
/// - `logJ`: log J (J itself exceeds 1e308 for heavily overloaded queues),
/// - `oneMinusInverseJ`: 1 − 1/J,
/// - `meanQueueGivenWait`: E[queue length | all agents busy] = Σ j·t(j) / J,
/// - `logRegularizedGamma`: log P(a, x).
///
/// Method: for x < a + 1 the series of positive terms `t(j)` (ratio x/(a+j) < 1), summed until the
/// geometric bound on the tail is below 1e−17 of the sum; for x ≥ a + 1 the continued fraction for
/// the upper function Q(a, x) = 1 − P (modified Lentz), with `Σ j·t(j)/J = (x − a) + a/J` (no
/// cancellation since x > a). Both take O(1 + √a) iterations near x ≈ a and fewer elsewhere. The
/// prefactor `x^a e^(−x) / Γ(a+1)` comes from `LogPoissonTerm`.
/// Sources: Garnett, Mandelbaum & Reiman, "Designing a call center with impatient customers",
/// M&SOM 4(3) 2002 (the J function); Numerical Recipes 3rd ed. §6.2 (gser/gcf).
struct ImpatientQueueSums: Sendable, Hashable {
    var logJ: Double
    var oneMinusInverseJ: Double
    var meanQueueGivenWait: Double
    var logRegularizedGamma: Double

    init(a: Double, x: Double) {
        precondition(a > 0 && x >= 0 && a.isFinite && x.isFinite, "Erlang A sums need a > 0, x ≥ 0 (a \(a), x \(x))")
        guard x > 0 else {
            logJ = 0
            oneMinusInverseJ = 0
            meanQueueGivenWait = 0
            logRegularizedGamma = -.infinity
            return
        }
        let logPrefactor = LogPoissonTerm.value(a: a, x: x)
        if x < a + 1 {
            var term = 1.0, sum = 0.0, weightedSum = 0.0, j = 0.0
            while true {
                j += 1
                term *= x / (a + j)
                sum += term
                weightedSum += j * term
                let ratio = x / (a + j + 1)
                let tail = term * ratio / (1 - ratio)
                if tail <= 1e-17 * (1 + sum) && tail * (j + 1 / (1 - ratio)) <= 1e-17 * weightedSum { break }
            }
            logJ = log1p(sum)
            oneMinusInverseJ = sum / (1 + sum)
            meanQueueGivenWait = weightedSum / (1 + sum)
            logRegularizedGamma = logPrefactor + logJ
        } else {
            let logQ = log(a) + logPrefactor + log(Self.upperContinuedFraction(a: a, x: x))
            logRegularizedGamma = log1p(-exp(logQ))
            logJ = logRegularizedGamma - logPrefactor
            let inverseJ = exp(-logJ)
            oneMinusInverseJ = 1 - inverseJ
            meanQueueGivenWait = (x - a) + a * inverseJ
        }
    }

    /// The continued fraction h with Q(a, x) = h · xᵃ e^(−x) / Γ(a), for x ≥ a + 1 (modified Lentz).
    private static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while true {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            precondition(h.isFinite, "incomplete gamma continued fraction diverged (a \(a), x \(x))")
            if abs(delta - 1) < 1e-16 { return h }
            i += 1
        }
    }
}
