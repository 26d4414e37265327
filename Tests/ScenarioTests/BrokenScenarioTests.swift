import Foundation
import Testing

/// Every scenario in scenarios/broken is rejected with exactly the expected diagnostics: file, line,
/// key path and the words that tell the planner what to fix.
struct BrokenCase: CustomStringConvertible, Sendable {
    var file: String
    /// Each expected diagnostic, as a suffix-free fragment of its printed line (`name:line: error: key: …`).
    var expected: [String]
    var description: String { file }
}

let brokenCases: [BrokenCase] = [
    BrokenCase(file: "sl-target-not-a-number.yaml", expected: [
        "sl-target-not-a-number.yaml:13: error: queues[0].service_level.target: expected a number between 0 and 1, got \"eighty\"",
    ]),
    BrokenCase(file: "unknown-key.yaml", expected: [
        "unknown-key.yaml:19: error: queues[1].servce_level: unknown key (did you mean 'service_level'?)",
        "unknown-key.yaml:15: error: queues[1].service_level: missing required key",
    ]),
    BrokenCase(file: "contract-unknown-template.yaml", expected: [
        "contract-unknown-template.yaml:34: error: contracts[0].shifts[1]: no shift template 'night' (defined: day)",
    ]),
    BrokenCase(file: "bad-timezone.yaml", expected: [
        "bad-timezone.yaml:4: error: timezone: unknown time zone \"Europe/Mosow\"",
    ]),
    BrokenCase(file: "bad-interval.yaml", expected: [
        "bad-interval.yaml:5: error: interval_minutes: expected one of 5, 10, 15, 30, 60 minutes, got 20",
    ]),
    BrokenCase(file: "bad-date.yaml", expected: [
        "bad-date.yaml:6: error: horizon.start: expected a date YYYY-MM-DD, got \"2026-02-30\"",
    ]),
    BrokenCase(file: "break-does-not-fit.yaml", expected: [
        "break-does-not-fit.yaml:27: error: shifts[0].breaks[0].latest_after_minutes: a break starting 480 minutes in and lasting 30 ends after the shortest shift (480 minutes)",
    ]),
    BrokenCase(file: "week-min-over-max.yaml", expected: [
        "week-min-over-max.yaml:30: error: contracts[0].week_minutes.min: min (2400) must not exceed max (2000)",
    ]),
    BrokenCase(file: "missing-file.yaml", expected: [
        "missing-file.yaml:35: error: agents: file not found: ",
    ]),
    BrokenCase(file: "bad-agents.yaml", expected: [
        "bad_agents.csv:2: error: contract: agent 'a1' has no contract",
        "bad_agents.csv:3: error: contract: no contract 'part-time' (defined: full-time)",
        "bad_agents.csv:4: error: skills: no queue 'sms' (defined: voice, chat)",
        "bad_agents.csv:5: error: skills: bad level in 'chat:5'",
        "bad_agents.csv:6: error: agent_id: duplicate agent_id 'a1' (first on line 2)",
        "bad_agents.csv:7: error: skills: no skills",
    ]),
    BrokenCase(file: "bad-availability.yaml", expected: [
        "bad_availability.csv:2: error: agent_id: no agent 'a9' in the agents file",
        "bad_availability.csv:3: error: kind: expected one of unavailable, prefer-off, prefer-on, got \"maybe\"",
        "bad_availability.csv:4: error: end: must be after start 17:00",
        "bad_availability.csv:5: error: date: expected a date YYYY-MM-DD or DD.MM.YYYY, got \"2026-03-32\"",
    ]),
    BrokenCase(file: "duplicate-queue.yaml", expected: [
        "duplicate-queue.yaml:15: error: queues[1].id: duplicate queue id 'voice' (also queues[0])",
        "agents.csv:3: error: skills: no queue 'chat' (defined: voice)",
        "agents.csv:4: error: skills: no queue 'chat' (defined: voice)",
    ]),
    BrokenCase(file: "duplicate-key.yaml", expected: [
        "duplicate-key.yaml:20: error: duplicate key shrinkage in one mapping",
    ]),
    BrokenCase(file: "yaml-syntax.yaml", expected: [
        "yaml-syntax.yaml:7: error: not valid YAML: did not find expected ',' or '}'",
    ]),
    BrokenCase(file: "control-character.yaml", expected: [
        "control-character.yaml:3: error: not valid YAML: control characters are not allowed",
    ]),
    BrokenCase(file: "wrong-version.yaml", expected: [
        "wrong-version.yaml:2: error: version: this wfm reads scenario version 1, got \"2\"",
    ]),
    BrokenCase(file: "channel-keys.yaml", expected: [
        "channel-keys.yaml:13: error: queues[0].concurrency: only chat queues take concurrency; this queue's channel is voice",
        "channel-keys.yaml:16: error: queues[1].response_hours: missing required key: email queues need response_hours",
        "channel-keys.yaml:19: error: queues[1].service_level: email queues are deferred work",
    ]),
    BrokenCase(file: "many-problems.yaml", expected: [
        "many-problems.yaml:4: error: timezone: unknown time zone \"Mars/Olympus\"",
        "many-problems.yaml:6: error: horizon.days: expected a whole number of days from 1 to 366, got \"seven\"",
        "many-problems.yaml:20: error: shrinkage: expected a fraction from 0 up to (not including) 1, got \"1.5\"",
        "many-problems.yaml:24: error: shifts[0].start_latest: expected a time of day \"HH:MM\" from 00:00 to 23:59, got \"25:00\"",
        "many-problems.yaml:32: error: contracts[0].max_consecutive_days: expected a whole number of days ≥ 1, got \"0\"",
    ]),
    BrokenCase(file: "cannot-follow-unknown.yaml", expected: [
        "cannot-follow-unknown.yaml:26: error: shifts[0].cannot_follow[1]: no shift template 'nite' (defined: day)",
    ]),
    BrokenCase(file: "min-consecutive-over-max.yaml", expected: [
        "min-consecutive-over-max.yaml:33: error: contracts[0].min_consecutive_days: must not exceed max_consecutive_days (5), got 6",
    ]),
    BrokenCase(file: "long-rules-wrong-type.yaml", expected: [
        "long-rules-wrong-type.yaml:35: error: contracts[0].min_consecutive_days_off: expected a whole number of days ≥ 1, got \"0\"",
        "long-rules-wrong-type.yaml:36: error: contracts[0].max_weekends: expected a whole number of weekends ≥ 0, got \"two\"",
        "long-rules-wrong-type.yaml:37: error: contracts[0].max_shifts_per_template: expected a mapping shift template id → maximum shifts, such as {night: 4}, got a list",
        "long-rules-wrong-type.yaml:38: error: contracts[0].horizon_minutes: expected a mapping with keys min, max, got \"4500\"",
        "long-rules-wrong-type.yaml:41: error: contracts[1].max_shifts_per_template.nigth: no shift template 'nigth' (defined: day)",
        "long-rules-wrong-type.yaml:41: error: contracts[1].max_shifts_per_template.day: expected a whole number of shifts ≥ 0, got \"-1\"",
        "long-rules-wrong-type.yaml:42: error: contracts[1].horizon_minutes.min: min (2000) must not exceed max (1000)",
    ]),
    BrokenCase(file: "bad-shift-cover.yaml", expected: [
        "bad_shift_cover.csv:3: error: date: 2026-03-09 is outside the horizon 2026-03-02…2026-03-08",
        "bad_shift_cover.csv:4: error: shift_id: no shift template 'night' (defined: day)",
        "bad_shift_cover.csv:5: error: required: expected a whole number of agents ≥ 0, got \"-1\"",
        "bad_shift_cover.csv:6: error: over_weight: expected a weight ≥ 0 (contacts per agent over the target), got \"-0.5\"",
        "bad_shift_cover.csv:7: error: shift_id: a second target for 'day' on 2026-03-02 (first on line 2)",
    ]),
    BrokenCase(file: "bad-requests.yaml", expected: [
        "bad_requests.csv:3: error: kind: expected on or off, got \"maybe\"",
        "bad_requests.csv:4: error: agent_id: no agent 'a9' in the agents file",
        "bad_requests.csv:5: error: date: 2026-03-01 is outside the horizon 2026-03-02…2026-03-08",
        "bad_requests.csv:6: error: shift_id: no shift template 'night' (defined: day); leave it empty for any shift",
        "bad_requests.csv:7: error: weight: expected a weight ≥ 0 (contacts per unmet request), got \"-2\"",
        "bad_requests.csv:8: error: kind: the same request again (first on line 2)",
    ]),
    BrokenCase(file: "bad-carry-in.yaml", expected: [
        "bad_carry_in.csv:2: error: start: expected local time with offset such as 2026-03-02T08:15+03:00 (in Europe/Moscow), got \"2026-02-28T08:00+02:00\"",
        "bad_carry_in.csv:2: error: end: expected local time with offset",
        "bad_carry_in.csv:3: error: date: carry-in shifts are last week's: 2026-03-02 is not before the horizon start 2026-03-02",
    ]),
]

@Test(arguments: brokenCases)
func brokenScenarioReportsExactlyItsProblems(_ broken: BrokenCase) {
    let printed = loadDiagnostics(scenarioPath("broken/\(broken.file)"))
    #expect(printed.count == broken.expected.count, "got:\n\(printed.joined(separator: "\n"))")
    for (i, fragment) in broken.expected.enumerated() where i < printed.count {
        // Files are named by the path the loader was given; the fragment starts at the file's name.
        #expect(printed[i].contains("/" + fragment), "diagnostic \(i): \(printed[i])")
    }
}

@Test func theBaseOfTheBrokenScenariosIsValid() {
    #expect(loadDiagnostics(scenarioPath("broken/valid.yaml")).isEmpty)
}

@Test func everyBrokenFixtureIsCovered() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: scenarioPath("broken")).filter { $0.hasSuffix(".yaml") }
    #expect(Set(files) == Set(brokenCases.map(\.file) + ["valid.yaml"]))
    #expect(brokenCases.count >= 10)
}
