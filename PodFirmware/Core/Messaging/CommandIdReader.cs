using PodFirmware.Core.Commands;
using PodFirmware.Json;

namespace PodFirmware.Core.Messaging
{
    /// <summary>
    /// Extracts the claimed command id from an envelope the authenticator refused, so its result can name it. The id is
    /// whatever the sender wrote: it is echoed, never trusted. Returns null when the envelope, its base64 or the command
    /// JSON cannot be read, or the id is not 1..64 printable ASCII characters without spaces.
    /// </summary>
    /// <remarks>Buffers are allocated at construction (about 12 KB); a read allocates only the returned string. Messaging thread only.</remarks>
    public sealed class CommandIdReader
    {
        private readonly JsonReader _envelope = new JsonReader(CommandAuthenticator.MaxEnvelopeBytes, 2, 8);
        private readonly JsonReader _command = new JsonReader(CommandAuthenticator.MaxCommandBytes, JsonReader.DefaultMaxDepth, JsonReader.DefaultMaxTokens);
        private readonly char[] _cmdChars = new char[Base64.EncodedLength(CommandAuthenticator.MaxCommandBytes)];
        private readonly byte[] _cmdBytes = new byte[CommandAuthenticator.MaxCommandBytes];
        private readonly char[] _idChars = new char[CommandAuthenticator.MaxIdChars];

        /// <summary>The id the command in <paramref name="payload"/> claims, or null when it cannot be read (see the class summary).</summary>
        public string TryRead(byte[] payload, int length)
        {
            string error;
            if (payload == null || length < 0 || length > payload.Length || length > CommandAuthenticator.MaxEnvelopeBytes ||
                !_envelope.TryParse(payload, length, out error))
            {
                return null;
            }

            int charCount;
            int byteCount;
            if (_envelope.GetChars("cmd", _cmdChars, out charCount) != JsonFieldStatus.Ok ||
                !Base64.TryDecode(_cmdChars, charCount, _cmdBytes, out byteCount) ||
                !_command.TryParse(_cmdBytes, byteCount, out error))
            {
                return null;
            }

            int idLength;
            if (_command.GetChars("id", _idChars, out idLength) != JsonFieldStatus.Ok || idLength == 0)
            {
                return null;
            }

            for (int i = 0; i < idLength; i++)
            {
                if (_idChars[i] <= ' ' || _idChars[i] > '~')
                {
                    return null;
                }
            }

            return new string(_idChars, 0, idLength);
        }
    }
}
