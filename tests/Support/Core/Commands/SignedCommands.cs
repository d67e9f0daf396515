using System;
using System.Text;
using PodFirmware.Core.Commands;

namespace PodFirmware.Tests.Core.Commands
{
    /// <summary>Builds signed envelopes for the authenticator tests: one key, one pod, one clock.</summary>
    public static class SignedCommands
    {
        /// <summary>This pod's id.</summary>
        public const string Pod = "P-017";

        /// <summary>The pod's clock in the tests: 2026-01-01T00:00:00Z in UTC seconds.</summary>
        public const long Now = 1767225600L;

        /// <summary>A 16-digit nonce.</summary>
        public const string Nonce1 = "0123456789abcdef";

        /// <summary>Another nonce.</summary>
        public const string Nonce2 = "fedcba98765432100123456789abcdef";

        /// <summary>The 32-byte test key 00 07 0e ... (i × 7 mod 256).</summary>
        public static byte[] Key()
        {
            var key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)(i * 7);
            }

            return key;
        }

        /// <summary>An authenticator for <see cref="Pod"/> with <see cref="Key"/>, window 120 s, memory 64.</summary>
        public static CommandAuthenticator NewAuthenticator()
        {
            return new CommandAuthenticator(Pod, Key());
        }

        /// <summary>Command JSON with the common fields in order and <paramref name="extra"/> (",\"account\":\"a\"" or "") before the closing brace.</summary>
        public static string Json(string type, string id, string nonce, long ts, string extra)
        {
            return "{\"pod\":\"" + Pod + "\",\"id\":\"" + id + "\",\"ts\":" + ts.ToString() + ",\"nonce\":\"" + nonce + "\",\"type\":\"" + type + "\"" + extra + "}";
        }

        /// <summary>The envelope of <paramref name="json"/> signed with <see cref="Key"/>.</summary>
        public static byte[] Sign(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            return CommandSigner.Sign(Key(), bytes, bytes.Length);
        }

        /// <summary>The envelope of <paramref name="forgedJson"/> carrying the signature of <paramref name="genuine"/>.</summary>
        public static byte[] WithSignatureOf(byte[] genuine, string forgedJson)
        {
            byte[] forged = Sign(forgedJson);
            Array.Copy(genuine, genuine.Length - 66, forged, forged.Length - 66, 64);
            return forged;
        }

        /// <summary>A copy of <paramref name="envelope"/> with the byte at <paramref name="index"/> replaced.</summary>
        public static byte[] WithByte(byte[] envelope, int index, byte value)
        {
            var copy = new byte[envelope.Length];
            Array.Copy(envelope, copy, envelope.Length);
            copy[index] = value;
            return copy;
        }

        /// <summary>The envelope of <paramref name="json"/> signed with <paramref name="key"/>, its <c>kid</c> member naming <paramref name="keyId"/> (none when null).</summary>
        public static byte[] Sign(byte[] key, string keyId, string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            byte[] envelope = CommandSigner.Sign(key, bytes, bytes.Length);
            return keyId == null ? envelope : Bytes("{\"kid\":\"" + keyId + "\"," + Encoding.UTF8.GetString(envelope, 1, envelope.Length - 1));
        }

        /// <summary>The JSON of a <c>rotate_key</c> carrying <paramref name="newKey"/> as <paramref name="newKeyId"/>, wrapped under <paramref name="signingKey"/> with <paramref name="nonce"/>.</summary>
        public static string RotateJson(string id, string nonce, long ts, string newKeyId, byte[] newKey, byte[] signingKey)
        {
            return Json("rotate_key", id, nonce, ts, ",\"keyId\":\"" + newKeyId + "\",\"key\":\"" + Hex.ToLowerString(CommandKeys.Wrap(signingKey, nonce, newKey)) + "\"");
        }

        /// <summary>A 32-byte key filled with <paramref name="value"/>.</summary>
        public static byte[] FilledKey(int value)
        {
            var key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)value;
            }

            return key;
        }

        /// <summary>The UTF-8 bytes of <paramref name="text"/>, for hand-written envelopes.</summary>
        public static byte[] Bytes(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }
    }
}
