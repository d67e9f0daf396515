using System;
using System.Security.Cryptography;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// Produces the MQTT payload of a signed command from the exact bytes of its JSON:
    /// <c>{"cmd":"&lt;base64 of the bytes&gt;","sig":"&lt;lowercase hex HMAC-SHA256(key, bytes)&gt;"}</c>,
    /// compact, members in that order. The same code runs on the host (<c>./pod sign</c>, tests) and could run on the board.
    /// </summary>
    /// <remarks>Thread-safe: stateless. Allocates the HMAC input and output arrays per call.</remarks>
    public static class CommandSigner
    {
        /// <summary>Fewest key bytes accepted: the HMAC-SHA256 output length, as RFC 2104 recommends.</summary>
        public const int MinKeyBytes = 32;

        /// <summary>Most key bytes accepted: the SHA-256 block size, beyond which HMAC would hash the key first.</summary>
        public const int MaxKeyBytes = 64;

        /// <summary>Bytes of the HMAC-SHA256 signature.</summary>
        public const int SignatureBytes = 32;

        // {"cmd":"   then   ","sig":"   then 64 hex digits   then   "}
        private const string Head = "{\"cmd\":\"";
        private const string Middle = "\",\"sig\":\"";
        private const string Tail = "\"}";

        /// <summary>Length in bytes of the envelope for a command of <paramref name="commandLength"/> bytes: 83 + base64 length.</summary>
        public static int EnvelopeLength(int commandLength)
        {
            return Head.Length + Base64.EncodedLength(commandLength) + Middle.Length + (2 * SignatureBytes) + Tail.Length;
        }

        /// <summary>HMAC-SHA256 of the first <paramref name="length"/> bytes of <paramref name="data"/> under <paramref name="key"/> (32 bytes, new array).</summary>
        public static byte[] ComputeSignature(byte[] key, byte[] data, int length)
        {
            byte[] exact = data;
            if (length != data.Length)
            {
                // HashData signs a whole array; the command must be signed byte for byte, nothing more.
                exact = new byte[length];
                Array.Copy(data, exact, length);
            }

            return HMACSHA256.HashData(key, exact);
        }

        /// <summary>
        /// Writes the envelope for the first <paramref name="commandLength"/> bytes of <paramref name="command"/> into
        /// <paramref name="envelope"/> from index 0.
        /// </summary>
        /// <param name="key">The pod's shared key, <see cref="MinKeyBytes"/> to <see cref="MaxKeyBytes"/> bytes.</param>
        /// <param name="command">The command JSON exactly as it is to be signed (UTF-8).</param>
        /// <param name="commandLength">Number of command bytes.</param>
        /// <param name="envelope">Receives the payload; needs <see cref="EnvelopeLength"/> bytes.</param>
        /// <returns>Bytes written; -1 (nothing meaningful written) when <paramref name="envelope"/> is too small.</returns>
        /// <exception cref="ArgumentException">When the key length is outside 32 to 64 bytes or the length is outside the command array.</exception>
        public static int Sign(byte[] key, byte[] command, int commandLength, byte[] envelope)
        {
            CheckKey(key);
            if (commandLength < 0 || commandLength > command.Length)
            {
                throw new ArgumentException("commandLength is outside the command array", "commandLength");
            }

            int total = EnvelopeLength(commandLength);
            if (envelope.Length < total)
            {
                return -1;
            }

            byte[] signature = ComputeSignature(key, command, commandLength);
            int o = PutAscii(Head, envelope, 0);
            o += Base64.Encode(command, 0, commandLength, envelope, o);
            o = PutAscii(Middle, envelope, o);
            Hex.Encode(signature, 0, SignatureBytes, envelope, o);
            o += 2 * SignatureBytes;
            o = PutAscii(Tail, envelope, o);
            return o;
        }

        /// <summary>The envelope for the first <paramref name="commandLength"/> bytes of <paramref name="command"/> as a new array; see <see cref="Sign(byte[], byte[], int, byte[])"/>.</summary>
        public static byte[] Sign(byte[] key, byte[] command, int commandLength)
        {
            var envelope = new byte[EnvelopeLength(commandLength)];
            Sign(key, command, commandLength, envelope);
            return envelope;
        }

        /// <summary>Throws unless <paramref name="key"/> has <see cref="MinKeyBytes"/> to <see cref="MaxKeyBytes"/> bytes.</summary>
        /// <exception cref="ArgumentException">When it does not.</exception>
        public static void CheckKey(byte[] key)
        {
            if (key == null || key.Length < MinKeyBytes || key.Length > MaxKeyBytes)
            {
                throw new ArgumentException("the command key must be 32 to 64 bytes (64 to 128 hex digits)", "key");
            }
        }

        private static int PutAscii(string text, byte[] destination, int offset)
        {
            for (int i = 0; i < text.Length; i++)
            {
                destination[offset + i] = (byte)text[i];
            }

            return offset + text.Length;
        }
    }
}
