/// Scenario file and pipeline runner. Filled by the scenario issue.
public enum ScenarioModule {}
