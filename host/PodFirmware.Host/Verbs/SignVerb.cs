using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using PodFirmware.Core.Commands;
using PodFirmware.Json;
using CliCommand = System.CommandLine.Command;

namespace PodFirmware.Host.Verbs
{
    /// <summary>
    /// <c>./pod sign</c>: turns a command JSON into the signed MQTT payload the pod accepts, exactly
    /// as it is to be published. The reference for the back end's signer (docs/mqtt-signing.md).
    /// </summary>
    /// <remarks>
    /// The fields <c>pod</c>, <c>id</c>, <c>ts</c> and <c>nonce</c> are added when the JSON lacks them,
    /// as a prefix right after the opening brace; every byte the caller wrote is kept as written,
    /// because the signature covers the exact bytes. A JSON that already has them all is signed
    /// unchanged. Unless <c>--no-check</c> is given, the result is verified with the pod's own
    /// <see cref="CommandAuthenticator"/> at the command's ts, so a command the pod would reject is
    /// reported instead of printed. Thread-safe: stateless.
    /// </remarks>
    public static class SignVerb
    {
        /// <summary>Builds the <c>sign</c> verb.</summary>
        public static CliCommand Create()
        {
            var key = new Option<string>("--key")
            {
                Description = "The pod's shared key: 64 to 128 hex digits, or @path of a file holding them.",
                Required = true,
            };
            var pod = new Option<string>("--pod")
            {
                Description = "Pod id the command is for; added as \"pod\" when absent, must match when present.",
                Required = true,
            };
            var ts = new Option<long?>("--ts") { Description = "Signing time, UTC seconds since 1970; default: now. Used when the JSON has no \"ts\"." };
            var nonce = new Option<string>("--nonce") { Description = "Nonce, 16 to 64 lowercase hex digits; default: 32 random digits. Used when the JSON has no \"nonce\"." };
            var id = new Option<string>("--id") { Description = "Command id, unique per command; default: a random UUID. Used when the JSON has no \"id\"." };
            var noCheck = new Option<bool>("--no-check") { Description = "Print the payload even if the pod would reject it (to test rejections)." };
            var kid = new Option<string>("--kid") { Description = "Id of the signing key, written as the envelope's \"kid\"; default: none (the pod's current key)." };
            var newKey = new Option<string>("--new-key") { Description = "For rotate_key: the new key (hex digits or @path); inserted as \"key\", wrapped under --key with the command's nonce." };
            var json = new Argument<string>("command") { Description = "The command JSON, e.g. '{\"type\":\"set_current_limit\",\"limitA\":16}'." };

            var command = new CliCommand("sign", "Sign a command for a pod and print the MQTT payload {\"cmd\":...,\"sig\":...} exactly as it is to be published.");
            command.Options.Add(key);
            command.Options.Add(pod);
            command.Options.Add(ts);
            command.Options.Add(nonce);
            command.Options.Add(id);
            command.Options.Add(noCheck);
            command.Options.Add(kid);
            command.Options.Add(newKey);
            command.Arguments.Add(json);
            command.SetAction(parse =>
            {
                TextWriter output = parse.InvocationConfiguration.Output;
                TextWriter errors = parse.InvocationConfiguration.Error;
                byte[] keyBytes = ReadKey(parse.GetValue(key), out string error);
                if (keyBytes == null)
                {
                    errors.WriteLine("sign: " + error);
                    return 1;
                }

                string kidValue = parse.GetValue(kid);
                if (kidValue != null && !CommandKeys.IsKeyId(kidValue))
                {
                    errors.WriteLine("sign: --kid must be 1 to 16 printable ASCII characters without spaces");
                    return 1;
                }

                byte[] newKeyBytes = null;
                if (parse.GetValue(newKey) != null)
                {
                    newKeyBytes = ReadKey(parse.GetValue(newKey), out error);
                    if (newKeyBytes == null)
                    {
                        errors.WriteLine("sign: --new-key: " + error);
                        return 1;
                    }
                }

                long tsValue = parse.GetValue(ts) ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                string nonceValue = parse.GetValue(nonce) ?? RandomHex(16);
                string idValue = parse.GetValue(id) ?? Guid.NewGuid().ToString("D");
                byte[] completed = Complete(parse.GetValue(json), parse.GetValue(pod), idValue, tsValue, nonceValue, out error, newKeyBytes, keyBytes);
                if (completed == null)
                {
                    errors.WriteLine("sign: " + error);
                    return 1;
                }

                byte[] envelope = WithKid(CommandSigner.Sign(keyBytes, completed, completed.Length), kidValue);
                if (!parse.GetValue(noCheck))
                {
                    error = CheckAccepted(keyBytes, kidValue, parse.GetValue(pod), envelope, completed);
                    if (error != null)
                    {
                        errors.WriteLine("sign: the pod would reject this command: " + error + " (--no-check prints it anyway)");
                        return 1;
                    }
                }

                output.Write(Encoding.ASCII.GetString(envelope));
                if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
                {
                    // Only for a terminal: a payload piped to mosquitto_pub -s must not gain a newline.
                    output.WriteLine();
                }

                return 0;
            });
            return command;
        }

        /// <summary><paramref name="envelope"/> with <c>"kid":"<paramref name="kid"/>"</c> as its first member; unchanged when <paramref name="kid"/> is null.</summary>
        public static byte[] WithKid(byte[] envelope, string kid)
        {
            return kid == null ? envelope : Encoding.ASCII.GetBytes("{\"kid\":\"" + kid + "\"," + Encoding.ASCII.GetString(envelope, 1, envelope.Length - 1));
        }

        /// <summary>
        /// The command JSON to sign: <paramref name="json"/> (surrounding whitespace removed) with <c>pod</c>, <c>id</c>,
        /// <c>ts</c> and <c>nonce</c> inserted after the opening brace, in that order, for those it lacks, then, when
        /// <paramref name="newKey"/> is given, <c>key</c>: it wrapped under <paramref name="signingKey"/> with the command's
        /// nonce (<see cref="CommandKeys.Wrap"/>). Null, with <paramref name="error"/> set, when the JSON is not an object
        /// within the pod's limits, contradicts <paramref name="podId"/>, or already has a <c>key</c> to insert.
        /// </summary>
        public static byte[] Complete(string json, string podId, string id, long tsUtcS, string nonce, out string error, byte[] newKey = null, byte[] signingKey = null)
        {
            byte[] input = Encoding.UTF8.GetBytes((json ?? "").Trim(' ', '\t', '\r', '\n'));
            var reader = new JsonReader(CommandAuthenticator.MaxCommandBytes, JsonReader.DefaultMaxDepth, 64);
            if (!reader.TryParse(input, input.Length, out string parseError))
            {
                error = "command: " + parseError;
                return null;
            }

            if (reader.RootKind != JsonValueKind.Object)
            {
                error = "command: must be a JSON object";
                return null;
            }

            if (reader.Has("pod") && !reader.StringEquals("pod", podId))
            {
                error = "command: \"pod\" differs from --pod " + podId;
                return null;
            }

            var prefix = new JsonWriter(CommandAuthenticator.MaxCommandBytes);
            prefix.BeginObject();
            if (!reader.Has("pod"))
            {
                prefix.String("pod", podId);
            }

            if (!reader.Has("id"))
            {
                prefix.String("id", id);
            }

            if (!reader.Has("ts"))
            {
                prefix.Int("ts", tsUtcS);
            }

            if (!reader.Has("nonce"))
            {
                prefix.String("nonce", nonce);
            }

            if (newKey != null)
            {
                if (reader.Has("key") || reader.GetString("nonce", out string own) == JsonFieldStatus.WrongType)
                {
                    error = "command: --new-key needs a command without \"key\" and with a string \"nonce\" if any";
                    return null;
                }

                prefix.String("key", Hex.ToLowerString(CommandKeys.Wrap(signingKey, own ?? nonce, newKey)));
            }

            prefix.EndObject();

            // The added members without their braces, then a comma unless the caller's object is empty.
            int added = prefix.Length - 2;
            bool emptyObject = reader.MemberCount("") == 0;
            bool needsComma = added > 0 && !emptyObject;
            var completed = new byte[input.Length + added + (needsComma ? 1 : 0)];
            completed[0] = (byte)'{';
            Array.Copy(prefix.Buffer, 1, completed, 1, added);
            int o = 1 + added;
            if (needsComma)
            {
                completed[o++] = (byte)',';
            }

            // input[0] is the opening brace (the reader accepted an object and whitespace was trimmed).
            Array.Copy(input, 1, completed, o, input.Length - 1);
            if (completed.Length > CommandAuthenticator.MaxCommandBytes)
            {
                error = "command: " + completed.Length + " bytes once completed, over the " + CommandAuthenticator.MaxCommandBytes + "-byte limit";
                return null;
            }

            error = null;
            return completed;
        }

        /// <summary>The key from <c>--key</c>: hex digits, or <c>@path</c> of a file holding them (surrounding whitespace ignored). Null with <paramref name="error"/> when invalid.</summary>
        public static byte[] ReadKey(string spec, out string error)
        {
            string hex = spec ?? "";
            if (hex.StartsWith('@'))
            {
                string path = hex.Substring(1);
                if (!File.Exists(path))
                {
                    error = "key file " + path + " not found";
                    return null;
                }

                hex = File.ReadAllText(path);
            }

            byte[] key = Hex.TryDecode(hex.Trim());
            if (key == null || key.Length < CommandSigner.MinKeyBytes || key.Length > CommandSigner.MaxKeyBytes)
            {
                error = "the key must be 64 to 128 hex digits (32 to 64 bytes)";
                return null;
            }

            error = null;
            return key;
        }

        private static string CheckAccepted(byte[] key, string kid, string podId, byte[] envelope, byte[] completed)
        {
            var reader = new JsonReader(CommandAuthenticator.MaxCommandBytes, JsonReader.DefaultMaxDepth, 64);
            reader.TryParse(completed, completed.Length, out _);
            if (reader.GetLong("ts", out long ts) != JsonFieldStatus.Ok)
            {
                return "wrong_field_type: field 'ts': must be an integer (UTC seconds)";
            }

            CommandAuthenticator pod;
            try
            {
                pod = new CommandAuthenticator(podId, new CommandKeys(kid ?? CommandKeys.DefaultKeyId, key, 0, null), CommandAuthenticator.DefaultWindowS, CommandAuthenticator.DefaultReplayCapacity);
            }
            catch (ArgumentException e)
            {
                return e.Message;
            }

            CommandAuthResult result = pod.Verify(envelope, envelope.Length, ts, new PodFirmware.Core.Commands.Command());
            return result == CommandAuthResult.Ok ? null : CommandAuthenticator.ResultName(result) + ": " + pod.LastReason;
        }

        private static string RandomHex(int bytes)
        {
            return Hex.ToLowerString(RandomNumberGenerator.GetBytes(bytes));
        }
    }
}
