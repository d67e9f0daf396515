using System;

namespace PodFirmware.Core.Scenarios
{
    /// <summary>A scenario line that cannot be run; the message names the line.</summary>
    public class ScenarioException : Exception
    {
        /// <summary>Creates the error for 1-based <paramref name="lineNumber"/>.</summary>
        public ScenarioException(int lineNumber, string reason) : base("scenario line " + lineNumber.ToString() + ": " + reason)
        {
            LineNumber = lineNumber;
        }

        /// <summary>The 1-based line the error is about.</summary>
        public int LineNumber { get; private set; }
    }
}
