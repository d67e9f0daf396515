namespace PodFirmware.Json
{
    /// <summary>Outcome of a typed getter of <see cref="JsonReader"/>; <see cref="JsonReader.Describe(string, JsonFieldStatus)"/> turns it into text.</summary>
    public enum JsonFieldStatus
    {
        /// <summary>The value was found and converted; the out parameter holds it.</summary>
        Ok = 0,

        /// <summary>No value at that path (a member is absent, or a step of the path is not an object).</summary>
        Missing = 1,

        /// <summary>A value is there but of another kind (e.g. a string where a number was asked).</summary>
        WrongType = 2,

        /// <summary>A number that does not fit the requested type (a fraction asked as a long, or beyond the long range once scaled).</summary>
        OutOfRange = 3,

        /// <summary>A number with more digits after the point than the requested decimals (other than trailing zeros).</summary>
        TooPrecise = 4,

        /// <summary>A string longer than the caller's buffer.</summary>
        TooLong = 5,

        /// <summary>The last <see cref="JsonReader.TryParse"/> failed or none ran.</summary>
        NotParsed = 6,
    }
}
