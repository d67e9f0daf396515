namespace PodFirmware.Core.Scenarios
{
    /// <summary>One line of a scenario: at <see cref="TimeMs"/>, set <see cref="Target"/> to a value that then holds until changed, or send a command.</summary>
    public sealed class ScenarioStep
    {
        /// <summary>Virtual time in milliseconds from the start of the run.</summary>
        public long TimeMs;

        /// <summary>What kind of change this is.</summary>
        public ScenarioStepKind Kind;

        /// <summary>The channel or sensor name as written (e.g. <c>temp_c</c>, <c>temp_sensor</c>).</summary>
        public string Target;

        /// <summary>
        /// The engineering value of a <see cref="ScenarioStepKind.Value"/> step (unit given by the channel name), or the latitude
        /// in degrees of a <see cref="ScenarioStepKind.Position"/> step.
        /// </summary>
        public double Value;

        /// <summary>The longitude in degrees of a <see cref="ScenarioStepKind.Position"/> step; 0 otherwise.</summary>
        public double Value2;

        /// <summary>
        /// The word of a <see cref="ScenarioStepKind.SensorState"/> or <see cref="ScenarioStepKind.Input"/> step, "none" for a lost
        /// position, or the command JSON of a <see cref="ScenarioStepKind.Command"/> step.
        /// </summary>
        public string Text;

        /// <summary>1-based line number in the scenario file, for error messages.</summary>
        public int LineNumber;
    }
}
