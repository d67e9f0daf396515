namespace PodFirmware.Core.Scenarios
{
    /// <summary>One line of a scenario: at <see cref="TimeMs"/>, set <see cref="Target"/> to a value that then holds until changed.</summary>
    public sealed class ScenarioStep
    {
        /// <summary>Virtual time in milliseconds from the start of the run.</summary>
        public long TimeMs;

        /// <summary>What kind of change this is.</summary>
        public ScenarioStepKind Kind;

        /// <summary>The channel or sensor name as written (e.g. <c>temp_c</c>, <c>temp_sensor</c>).</summary>
        public string Target;

        /// <summary>The engineering value, for <see cref="ScenarioStepKind.Value"/> steps (unit given by the channel name).</summary>
        public double Value;

        /// <summary>The word, for <see cref="ScenarioStepKind.SensorState"/> steps (ok, open, short, stuck).</summary>
        public string Text;

        /// <summary>1-based line number in the scenario file, for error messages.</summary>
        public int LineNumber;
    }
}
