import Foundation

/// The job files that run a sweep on a batch engine, one array task per variant, each task
/// `wfm sweep run-one DIR --index I` (`SweepVariantRun`). DIR and the scenario must be on a file
/// system every node sees at the same path (docs/sweep.md); the tasks write only inside DIR.
public enum SweepBatchFiles {
    /// DIR/sweep.sbatch: a Slurm job array `--array=0-(N-1)`, one task per variant, each with the
    /// cores of one run's search threads; task logs in DIR/slurm/ (`%A_%a.log`).
    /// `WFM` in the environment of `sbatch` overrides the `wfm` executable written into the script.
    public static func slurm(plan: SweepPlan, folder: String, executable: String, cpusPerTask: Int = 2) -> String {
        let dir = shellQuote(folder)
        return """
        #!/bin/bash
        # A wfm sweep as a Slurm job array: task I runs variant I of \(folder)/manifest.json.
        # Submit:  sbatch \(shellQuote((folder as NSString).appendingPathComponent(slurmName)))
        # Then:    wfm sweep merge \(dir)
        #SBATCH --job-name=wfm-sweep
        #SBATCH --array=0-\(plan.variants.count - 1)
        #SBATCH --ntasks=1
        #SBATCH --cpus-per-task=\(cpusPerTask)
        #SBATCH --output=\((folder as NSString).appendingPathComponent("slurm/%A_%a.log"))
        set -euo pipefail
        WFM="${WFM:-\(executable)}"
        exec "$WFM" sweep run-one \(dir) --index "$SLURM_ARRAY_TASK_ID" --quiet

        """
    }

    /// Settings of the Kubernetes Job that are not in the manifest.
    public struct KubernetesSettings: Sendable, Hashable {
        /// Container image holding `wfm` on its PATH.
        public var image: String
        /// PersistentVolumeClaim of the shared file system holding DIR and the scenario.
        public var volumeClaim: String
        /// Where the claim is mounted: the same path as on the machine that made the sweep.
        public var mountPath: String
        /// Pods at once.
        public var parallelism: Int
        public init(image: String, volumeClaim: String, mountPath: String, parallelism: Int) {
            self.image = image
            self.volumeClaim = volumeClaim
            self.mountPath = mountPath
            self.parallelism = parallelism
        }
    }

    /// DIR/job.yaml: a Kubernetes Indexed Job (batch/v1, `completionMode: Indexed`, one completion
    /// per variant); each pod runs `wfm sweep run-one DIR`, which reads its index from
    /// `JOB_COMPLETION_INDEX`. Strings are JSON-quoted (valid YAML 1.2 scalars).
    public static func kubernetes(plan: SweepPlan, folder: String, settings: KubernetesSettings) -> String {
        func q(_ s: String) -> String { Exporters.quote(s) }
        let count = plan.variants.count
        return """
        # A wfm sweep as a Kubernetes Indexed Job: pod I runs variant I of \(folder)/manifest.json.
        # Apply:  kubectl apply -f \((folder as NSString).appendingPathComponent(kubernetesName))
        # Then:   wfm sweep merge \(folder)
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: \(q(jobName(folder)))
          labels: {app: "wfm-sweep"}
        spec:
          completionMode: Indexed
          completions: \(count)
          parallelism: \(min(max(settings.parallelism, 1), max(count, 1)))
          backoffLimit: \(count)
          template:
            metadata:
              labels: {app: "wfm-sweep"}
            spec:
              restartPolicy: Never
              containers:
                - name: "wfm"
                  image: \(q(settings.image))
                  command: ["wfm", "sweep", "run-one", \(q(folder)), "--quiet"]
                  resources:
                    requests: {cpu: "2"}
                  volumeMounts:
                    - name: "sweep"
                      mountPath: \(q(settings.mountPath))
              volumes:
                - name: "sweep"
                  persistentVolumeClaim:
                    claimName: \(q(settings.volumeClaim))

        """
    }

    public static let slurmName = "sweep.sbatch"
    public static let kubernetesName = "job.yaml"

    /// A Job name from the sweep folder: `wfm-sweep-` and the folder's name in lower case, other
    /// characters as `-`, at most 63 characters (a DNS-1123 label).
    static func jobName(_ folder: String) -> String {
        let base = (folder as NSString).lastPathComponent.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" }
        var name = "wfm-sweep-" + String(base)
        name = String(name.prefix(63))
        while name.hasSuffix("-") { name.removeLast() }
        return name
    }

    /// A POSIX shell word: single-quoted, each `'` as `'\''`.
    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// The deepest folder holding every path (absolute paths): the default mount of the shared volume.
    public static func commonFolder(_ paths: [String]) -> String {
        let split = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.pathComponents }
        guard var common = split.first else { return "/" }
        for parts in split.dropFirst() {
            common = Array(zip(common, parts).prefix { $0.0 == $0.1 }.map(\.0))
        }
        return common.count <= 1 ? "/" : "/" + common.dropFirst().joined(separator: "/")
    }
}
