/// History → forecast. Filled by the forecasting issue.
public enum Forecasting {}
