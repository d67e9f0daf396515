namespace PodFirmware.SerialConsole
{
    /// <summary>Where the pod config file lives: <c>I:\pod.json</c> on the board, a file on the host. Console thread only.</summary>
    public interface IConfigStore
    {
        /// <summary>The file's text, or null when there is none or it cannot be read.</summary>
        string Read();

        /// <summary>Replaces the file with <paramref name="text"/>; returns false when it could not be written.</summary>
        bool Write(string text);
    }
}
