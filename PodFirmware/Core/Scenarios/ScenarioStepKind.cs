namespace PodFirmware.Core.Scenarios
{
    /// <summary>What one scenario line changes.</summary>
    public enum ScenarioStepKind
    {
        /// <summary>An engineering value on a sensor channel (<c>temp_c</c>, <c>current_a</c>, <c>voltage_v</c>).</summary>
        Value = 0,

        /// <summary>A sensor's wiring state (<c>temp_sensor</c>, <c>current_sensor</c>, <c>voltage_sensor</c>: ok, open, short, stuck).</summary>
        SensorState = 1,

        /// <summary>
        /// A digital input or a simulated fault of an actuator, as one word in <see cref="ScenarioStep.Text"/>: <c>plug in|out</c>,
        /// <c>dock in|out</c>, <c>vehicle present|absent</c>, <c>relay_feedback ok|stuck_closed|stuck_open</c>,
        /// <c>wheel_lock_sense</c> and <c>cable_lock_sense ok|stuck_locked|stuck_unlocked</c>, <c>controller up|down</c>
        /// (whether the site controller sends its heartbeat; up by default).
        /// </summary>
        Input = 2,

        /// <summary>
        /// A GNSS position: <see cref="ScenarioStep.Value"/> is the latitude and <see cref="ScenarioStep.Value2"/> the longitude in
        /// degrees (WGS84, south and west negative); <c>position none</c> (Text "none") loses the fix.
        /// </summary>
        Position = 3,

        /// <summary>
        /// A command from the controller: <see cref="ScenarioStep.Text"/> is the command JSON object. The runner completes what
        /// the line leaves out (pod, id, ts, nonce), signs it with the pod's key and sends it through the pod's authenticator.
        /// </summary>
        Command = 4,

        /// <summary>
        /// The simulated EV or its cable. <c>ev</c>: <see cref="ScenarioStep.Text"/> is connect, charge, ventilation, stop or unplug;
        /// or max_a / reaction_ms / battery_wh with the number in <see cref="ScenarioStep.Value"/>; or ignores_limit, diode, cp with
        /// <see cref="ScenarioStep.Value"/> 0 for off/ok and 1 for on/missing/short. <c>pp</c>: the PP resistor in Ω in
        /// <see cref="ScenarioStep.Value"/>, or Text "open".
        /// </summary>
        Ev = 5,
    }
}
