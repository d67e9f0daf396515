namespace PodFirmware.Core.Faults
{
    /// <summary>
    /// One row of the <see cref="FaultCatalogue"/>: everything alarms, status, the console and the
    /// documentation say about a fault code. Immutable; safe to share across threads.
    /// </summary>
    public sealed class FaultInfo
    {
        /// <summary>The code this row describes.</summary>
        public readonly FaultCode Code;

        /// <summary>Stable PascalCase name used on the wire and in logs, e.g. <c>ConnectorOverTemperature</c>. Never changes once released.</summary>
        public readonly string Name;

        /// <summary>
        /// The OCPP 1.6 <c>ChargePointErrorCode</c> this fault maps to, spelled as in the specification
        /// (e.g. <c>HighTemperature</c>); <c>OtherError</c> where none fits (the name then goes in <c>vendorErrorCode</c>).
        /// </summary>
        public readonly string OcppErrorCode;

        /// <summary>Whether the fault trips or only warns.</summary>
        public readonly FaultSeverity Severity;

        /// <summary>One line saying what happened, for operators.</summary>
        public readonly string Description;

        /// <summary>What a field technician should check or do first.</summary>
        public readonly string Remedy;

        /// <summary>Creates a row; only <see cref="FaultCatalogue"/> does this.</summary>
        internal FaultInfo(FaultCode code, string name, string ocppErrorCode, FaultSeverity severity, string description, string remedy)
        {
            Code = code;
            Name = name;
            OcppErrorCode = ocppErrorCode;
            Severity = severity;
            Description = description;
            Remedy = remedy;
        }
    }
}
