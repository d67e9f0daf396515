namespace PodFirmware.Json
{
    /// <summary>The kind of a JSON value found by <see cref="JsonReader"/>.</summary>
    public enum JsonValueKind
    {
        /// <summary>No such value: the path does not resolve, or nothing was parsed.</summary>
        None = 0,

        /// <summary>An object (<c>{...}</c>).</summary>
        Object = 1,

        /// <summary>An array (<c>[...]</c>).</summary>
        Array = 2,

        /// <summary>A string.</summary>
        String = 3,

        /// <summary>A number.</summary>
        Number = 4,

        /// <summary><c>true</c> or <c>false</c>.</summary>
        Bool = 5,

        /// <summary><c>null</c>.</summary>
        Null = 6,
    }
}
