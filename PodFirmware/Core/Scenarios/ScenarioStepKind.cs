namespace PodFirmware.Core.Scenarios
{
    /// <summary>What one scenario line changes.</summary>
    public enum ScenarioStepKind
    {
        /// <summary>An engineering value on a sensor channel (<c>temp_c</c>, <c>current_a</c>, <c>voltage_v</c>).</summary>
        Value = 0,

        /// <summary>A sensor's wiring state (<c>temp_sensor</c>, <c>current_sensor</c>, <c>voltage_sensor</c>: ok, open, short, stuck).</summary>
        SensorState = 1,
    }
}
