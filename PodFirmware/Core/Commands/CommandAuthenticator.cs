using System;
using PodFirmware.Json;
using PodFirmware.Drivers.Config;
using PodFirmware.Drivers.Crypto;

namespace PodFirmware.Core.Commands
{
    /// <summary>
    /// Accepts a command only when it is signed with this pod's key, addressed to this pod, fresh,
    /// never seen before and well-formed; see docs/mqtt-signing.md for the scheme. The payload is
    /// <c>{"cmd":"&lt;base64 of the command JSON bytes&gt;","sig":"&lt;lowercase hex HMAC-SHA256(key, those bytes)&gt;"}</c>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Checks run in this order, and the first failure is the result: size, envelope shape,
    /// signature (constant-time), command JSON, pod, time window, id and nonce format, replay,
    /// type, unexpected fields, type fields. Nothing in the command is interpreted before the
    /// signature matched. Only a command that passes every check records its id and nonce, so a
    /// forged or broken command cannot burn the id of a real one.
    /// </para>
    /// <para>
    /// Replay memory: the ids and nonces of the last <see cref="ReplayCapacity"/> accepted commands,
    /// in preallocated arrays. When full, the entry with the oldest ts is forgotten and its ts
    /// becomes the replay horizon: from then on a command whose ts is not newer than the horizon
    /// is <see cref="CommandAuthResult.Replayed"/>, so a forgotten command can never be replayed.
    /// The memory does not survive a reboot: <see cref="ReplayHorizonStore"/> persists the newest accepted ts and
    /// restores it at boot through <see cref="SetReplayHorizon"/>.
    /// </para>
    /// <para>
    /// Memory: readers and buffers (about 16 KB with the default caps) are allocated at
    /// construction. The signature check allocates nothing (<see cref="HmacSha256"/>), so a forged command
    /// costs no memory; a validly signed command allocates the strings its <see cref="Command"/> keeps (id,
    /// nonce, account), and a rejection after the signature its reason text. Runs on the messaging side, never in the control tick.
    /// </para>
    /// <para>Not thread-safe: one owner (the messaging pump).</para>
    /// </remarks>
    public sealed class CommandAuthenticator
    {
        /// <summary>Default accepted clock difference, in seconds, either side of the pod's clock.</summary>
        public const int DefaultWindowS = 120;

        /// <summary>Default number of accepted commands whose id and nonce are remembered.</summary>
        public const int DefaultReplayCapacity = 64;

        /// <summary>Largest accepted MQTT payload (the envelope), in bytes.</summary>
        public const int MaxEnvelopeBytes = 2048;

        /// <summary>Largest command JSON, in bytes: what 2048 chars of base64 decode to.</summary>
        public const int MaxCommandBytes = 1536;

        /// <summary>Length of the <c>id</c> and <c>account</c> strings: 1 to 64 chars.</summary>
        public const int MaxIdChars = 64;

        /// <summary>Fewest hex digits in a nonce: 16 digits are 64 random bits.</summary>
        public const int MinNonceChars = 16;

        /// <summary>Most hex digits in a nonce.</summary>
        public const int MaxNonceChars = 64;

        /// <summary>Highest <c>limitA</c>: 1000.00 A, as <see cref="Command.LimitAScaled"/>.</summary>
        public const long MaxLimitAScaled = 100000;

        /// <summary>Highest <c>tariffPerKwh</c>: 1000.0000, as <see cref="Command.TariffPerKwhScaled"/>.</summary>
        public const long MaxTariffPerKwhScaled = 10000000;

        /// <summary>Longest reservation, <c>durationS</c>: one day in seconds.</summary>
        public const int MaxDurationS = 86400;

        /// <summary>Smallest <c>maxEnergyKwh</c>: 0.001 kWh, as <see cref="Command.MaxEnergyWh"/>.</summary>
        public const long MinMaxEnergyWh = 1;

        /// <summary>Largest <c>maxEnergyKwh</c>: 1000 kWh, as <see cref="Command.MaxEnergyWh"/>.</summary>
        public const long MaxMaxEnergyWh = 1000000;

        /// <summary>Largest <c>maxAmount</c>: 100000.0000, as <see cref="Command.MaxAmountScaled"/>.</summary>
        public const long MaxMaxAmountScaled = 1000000000;

        private const int FieldAccount = 1;
        private const int FieldLimit = 2;
        private const int FieldTariff = 4;
        private const int FieldDuration = 8;
        private const int FieldMaxEnergy = 16;
        private const int FieldMaxDuration = 32;
        private const int FieldMaxAmount = 64;
        private const int FieldCard = 128;
        private const int FieldReason = 256;
        private const int FieldKeyId = 512;
        private const int FieldKey = 1024;

        private static readonly int[] RequiredFields = BuildFieldTable(true);
        private static readonly int[] AllowedFields = BuildFieldTable(false);
        private static readonly string[] CommonFieldNames = BuildCommonFieldNames();
        private static readonly string[] ExtraFieldNames = BuildExtraFieldNames();

        private readonly string _podId;
        private readonly CommandKeys _keys;
        private readonly int _windowS;

        // The envelope is flat: depth 1, and at most a root, three names and three values plus one stray pair.
        private readonly JsonReader _envelope = new JsonReader(MaxEnvelopeBytes, 1, 9);
        private readonly JsonReader _command = new JsonReader(MaxCommandBytes, JsonReader.DefaultMaxDepth, 64);
        private readonly char[] _cmdChars = new char[MaxEnvelopeBytes];
        private readonly byte[] _cmdBytes = new byte[MaxCommandBytes];
        private readonly char[] _sigChars = new char[2 * CommandSigner.SignatureBytes];
        private readonly byte[] _sig = new byte[CommandSigner.SignatureBytes];
        private readonly byte[] _expected = new byte[CommandSigner.SignatureBytes];
        private readonly HmacSha256 _hmac = new HmacSha256();
        private int _cmdCharCount;
        private string _kid;

        private readonly string[] _seenIds;
        private readonly string[] _seenNonces;
        private readonly long[] _seenTs;
        private int _seenCount;
        private bool _hasHorizon;
        private long _horizonUtcS;
        private string _lastReason = "";

        /// <summary>Creates an authenticator with the default window (±120 s) and replay memory (64 commands).</summary>
        /// <param name="podId">This pod's id, as commands address it; 1 to 64 chars.</param>
        /// <param name="key">The shared key, 32 to 64 bytes; copied.</param>
        /// <exception cref="ArgumentException">When an argument is invalid (construction happens at boot).</exception>
        public CommandAuthenticator(string podId, byte[] key)
            : this(podId, key, DefaultWindowS, DefaultReplayCapacity)
        {
        }

        /// <summary>Creates an authenticator with one key, id <see cref="CommandKeys.DefaultKeyId"/>, kept in RAM only.</summary>
        /// <param name="podId">This pod's id, as commands address it; 1 to 64 chars.</param>
        /// <param name="key">The shared key, 32 to 64 bytes; copied.</param>
        /// <param name="windowS">Accepted clock difference either side, 1 to 3600 s.</param>
        /// <param name="replayCapacity">Accepted commands remembered, 1 to 4096.</param>
        /// <exception cref="ArgumentException">When an argument is invalid (construction happens at boot).</exception>
        public CommandAuthenticator(string podId, byte[] key, int windowS, int replayCapacity)
            : this(podId, new CommandKeys(CommandKeys.DefaultKeyId, key, CommandKeys.DefaultGraceS, null), windowS, replayCapacity)
        {
        }

        /// <summary>Creates an authenticator over a key ring; every buffer it uses is allocated here.</summary>
        /// <param name="podId">This pod's id, as commands address it; 1 to 64 chars.</param>
        /// <param name="keys">The pod's command keys (restored from flash by the caller); the envelope's <c>kid</c> picks one.</param>
        /// <param name="windowS">Accepted clock difference either side, 1 to 3600 s.</param>
        /// <param name="replayCapacity">Accepted commands remembered, 1 to 4096.</param>
        /// <exception cref="ArgumentException">When an argument is invalid (construction happens at boot).</exception>
        public CommandAuthenticator(string podId, CommandKeys keys, int windowS, int replayCapacity)
        {
            if (podId == null || podId.Length == 0 || podId.Length > MaxIdChars)
            {
                throw new ArgumentException("the pod id must be 1 to 64 characters", "podId");
            }

            if (windowS < 1 || windowS > 3600)
            {
                throw new ArgumentOutOfRangeException("windowS", "must be between 1 and 3600 s");
            }

            if (replayCapacity < 1 || replayCapacity > 4096)
            {
                throw new ArgumentOutOfRangeException("replayCapacity", "must be between 1 and 4096");
            }

            _podId = podId;
            _keys = keys;
            _windowS = windowS;
            _seenIds = new string[replayCapacity];
            _seenNonces = new string[replayCapacity];
            _seenTs = new long[replayCapacity];
        }

        /// <summary>This pod's id.</summary>
        public string PodId
        {
            get { return _podId; }
        }

        /// <summary>The pod's command keys; <see cref="CommandKeys.Rotate"/> changes them.</summary>
        public CommandKeys Keys
        {
            get { return _keys; }
        }

        /// <summary>The id of the key that verified the last accepted command (the envelope's <c>kid</c>, or the current key's id without one).</summary>
        public string LastKeyId { get; private set; }

        /// <summary>Accepted clock difference either side, in seconds.</summary>
        public int WindowS
        {
            get { return _windowS; }
        }

        /// <summary>How many accepted commands the replay memory holds.</summary>
        public int ReplayCapacity
        {
            get { return _seenIds.Length; }
        }

        /// <summary>Accepted commands currently remembered (grows to <see cref="ReplayCapacity"/>).</summary>
        public int RememberedCount
        {
            get { return _seenCount; }
        }

        /// <summary><c>true</c> once a horizon is set (by <see cref="SetReplayHorizon"/> or by forgetting a command).</summary>
        public bool HasReplayHorizon
        {
            get { return _hasHorizon; }
        }

        /// <summary>Commands with ts at or before this (UTC seconds) are rejected as replayed; meaningful when <see cref="HasReplayHorizon"/>.</summary>
        public long ReplayHorizonUtcS
        {
            get { return _horizonUtcS; }
        }

        /// <summary>Why the last <see cref="Verify"/> gave its result, for logs and the acknowledgement (<c>ok</c> on success).</summary>
        public string LastReason
        {
            get { return _lastReason; }
        }

        /// <summary>
        /// Rejects from now on every command whose ts is at or before <paramref name="utcSeconds"/>. Called at boot by
        /// <see cref="ReplayHorizonStore"/> (the replay memory is lost on reboot). Only raises the horizon.
        /// </summary>
        public void SetReplayHorizon(long utcSeconds)
        {
            if (!_hasHorizon || utcSeconds > _horizonUtcS)
            {
                _horizonUtcS = utcSeconds;
                _hasHorizon = true;
            }
        }

        /// <summary>
        /// Authenticates and decodes one MQTT payload. Never throws for any payload content.
        /// </summary>
        /// <param name="payload">Buffer holding the payload in its first <paramref name="length"/> bytes.</param>
        /// <param name="length">Payload length in bytes.</param>
        /// <param name="nowUtcSeconds">The pod's wall clock, UTC seconds since 1970-01-01; only call with a valid clock.</param>
        /// <param name="into">Filled with the command on <see cref="CommandAuthResult.Ok"/>; cleared on any other result.</param>
        /// <returns>The result; <see cref="LastReason"/> says why.</returns>
        /// <exception cref="ArgumentNullException">When <paramref name="into"/> is null.</exception>
        public CommandAuthResult Verify(byte[] payload, int length, long nowUtcSeconds, Command into)
        {
            if (into == null)
            {
                throw new ArgumentNullException("into");
            }

            into.Clear();
            CommandAuthResult result = Check(payload, length, nowUtcSeconds, into);
            if (result == CommandAuthResult.Ok)
            {
                Remember(into.Id, into.Nonce, into.TimestampUtcS);
                LastKeyId = _kid == null ? _keys.CurrentId : _kid;
                _lastReason = "ok";
            }
            else
            {
                into.Clear();
            }

            return result;
        }

        /// <summary>The wire name of a result, for acknowledgements: <c>ok</c>, <c>malformed</c>, <c>bad_signature</c>, ... Allocates nothing.</summary>
        public static string ResultName(CommandAuthResult result)
        {
            switch (result)
            {
                case CommandAuthResult.Ok: return "ok";
                case CommandAuthResult.Malformed: return "malformed";
                case CommandAuthResult.BadSignature: return "bad_signature";
                case CommandAuthResult.WrongPod: return "wrong_pod";
                case CommandAuthResult.Expired: return "expired";
                case CommandAuthResult.Replayed: return "replayed";
                case CommandAuthResult.TooLarge: return "too_large";
                case CommandAuthResult.UnknownType: return "unknown_type";
                case CommandAuthResult.MissingField: return "missing_field";
                case CommandAuthResult.WrongFieldType: return "wrong_field_type";
                case CommandAuthResult.InvalidField: return "invalid_field";
                case CommandAuthResult.UnexpectedField: return "unexpected_field";
                case CommandAuthResult.UnknownKey: return "unknown_key";
                case CommandAuthResult.DemoKey: return "demo_key";
                default: return "unknown";
            }
        }

        /// <summary>
        /// Reports every invalid command-signing setting into <paramref name="errors"/>, under
        /// <paramref name="prefix"/><c>.keyHex</c>, <c>.windowS</c> and <c>.replayCapacity</c>.
        /// </summary>
        /// <param name="errors">Collector of configuration problems.</param>
        /// <param name="prefix">Dotted config path of the settings, e.g. <c>mqtt.commands</c>.</param>
        /// <param name="keyHex">The key as configured: 64 to 128 hex digits.</param>
        /// <param name="windowS">Accepted clock difference either side, 1 to 3600 s.</param>
        /// <param name="replayCapacity">Accepted commands remembered, 1 to 4096.</param>
        public static void CheckConfig(ConfigErrors errors, string prefix, string keyHex, int windowS, int replayCapacity)
        {
            byte[] key = Hex.TryDecode(keyHex);
            if (key == null)
            {
                errors.Fail(prefix + ".keyHex", "must be hex digits (an even number of 0-9, a-f)");
            }
            else if (key.Length < CommandSigner.MinKeyBytes || key.Length > CommandSigner.MaxKeyBytes)
            {
                errors.Fail(prefix + ".keyHex", "must be 64 to 128 hex digits (32 to 64 bytes), is " + keyHex.Length.ToString() + " digits");
            }

            errors.Range(prefix + ".windowS", windowS, 1, 3600, "s");
            errors.Range(prefix + ".replayCapacity", replayCapacity, 1, 4096, "");
        }

        private CommandAuthResult Fail(CommandAuthResult result, string reason)
        {
            _lastReason = reason;
            return result;
        }

        private CommandAuthResult FieldFail(string field, JsonFieldStatus status, string expected)
        {
            if (status == JsonFieldStatus.Missing)
            {
                return Fail(CommandAuthResult.MissingField, "field '" + field + "': missing");
            }

            if (status == JsonFieldStatus.WrongType)
            {
                return Fail(CommandAuthResult.WrongFieldType, "field '" + field + "': must be " + expected);
            }

            return Fail(CommandAuthResult.InvalidField, "field '" + field + "': must be " + expected);
        }

        private CommandAuthResult Check(byte[] payload, int length, long now, Command into)
        {
            if (payload == null || length < 0 || length > payload.Length)
            {
                return Fail(CommandAuthResult.Malformed, "no payload, or a length outside the buffer");
            }

            if (length > MaxEnvelopeBytes)
            {
                return Fail(CommandAuthResult.TooLarge, "payload of " + length.ToString() + " bytes exceeds the " + MaxEnvelopeBytes.ToString() + "-byte limit");
            }

            CommandAuthResult result = CheckEnvelope(payload, length);
            if (result != CommandAuthResult.Ok)
            {
                return result;
            }

            int cmdLength;
            if (!Base64.TryDecode(_cmdChars, _cmdCharCount, _cmdBytes, out cmdLength))
            {
                return Fail(CommandAuthResult.Malformed, "envelope: 'cmd' is not canonical padded base64");
            }

            byte[] key = _keys.Find(_kid, now);
            if (key == null)
            {
                return Fail(CommandAuthResult.UnknownKey, "kid '" + _kid + "' names no valid key of this pod");
            }

            if (_keys.RefuseDemoKey && CommandKeys.IsDemoKey(key))
            {
                return Fail(CommandAuthResult.DemoKey, "the public demo key is refused on a production build");
            }

            _hmac.Compute(key, _cmdBytes, cmdLength, _expected);
            if (!FixedTimeEquals(_expected, _sig))
            {
                return Fail(CommandAuthResult.BadSignature, "signature does not match the command bytes");
            }

            string error;
            if (!_command.TryParse(_cmdBytes, cmdLength, out error))
            {
                return Fail(CommandAuthResult.Malformed, "cmd: " + error);
            }

            if (_command.RootKind != JsonValueKind.Object)
            {
                return Fail(CommandAuthResult.Malformed, "cmd: not a JSON object");
            }

            result = CheckHeader(now, into);
            if (result != CommandAuthResult.Ok)
            {
                return result;
            }

            return CheckBody(into);
        }

        /// <summary>Checks the envelope's shape and leaves cmd's chars and sig's bytes in the buffers.</summary>
        private CommandAuthResult CheckEnvelope(byte[] payload, int length)
        {
            string error;
            if (!_envelope.TryParse(payload, length, out error))
            {
                return Fail(CommandAuthResult.Malformed, "envelope: " + error);
            }

            if (_envelope.RootKind != JsonValueKind.Object)
            {
                return Fail(CommandAuthResult.Malformed, "envelope: not a JSON object");
            }

            int members = _envelope.MemberCount("");
            for (int i = 0; i < members; i++)
            {
                if (!_envelope.MemberNameEquals("", i, "cmd") && !_envelope.MemberNameEquals("", i, "sig") && !_envelope.MemberNameEquals("", i, "kid"))
                {
                    return Fail(CommandAuthResult.Malformed, "envelope: unexpected member '" + _envelope.MemberName("", i) + "' (only cmd, kid and sig)");
                }
            }

            _kid = null;
            if (_envelope.Has("kid") && _envelope.GetString("kid", out _kid) != JsonFieldStatus.Ok)
            {
                return Fail(CommandAuthResult.Malformed, "envelope: 'kid' must be a string");
            }

            JsonFieldStatus status = _envelope.GetChars("cmd", _cmdChars, out _cmdCharCount);
            if (status != JsonFieldStatus.Ok)
            {
                return Fail(CommandAuthResult.Malformed, "envelope: 'cmd' " + (status == JsonFieldStatus.Missing ? "missing" : "must be a base64 string"));
            }

            int sigCount;
            status = _envelope.GetChars("sig", _sigChars, out sigCount);
            if (status == JsonFieldStatus.Missing)
            {
                return Fail(CommandAuthResult.Malformed, "envelope: 'sig' missing");
            }

            if (status != JsonFieldStatus.Ok || sigCount != _sigChars.Length || !Hex.TryDecode(_sigChars, sigCount, _sig, true))
            {
                return Fail(CommandAuthResult.Malformed, "envelope: 'sig' must be 64 lowercase hex digits");
            }

            return CommandAuthResult.Ok;
        }

        /// <summary>Checks pod, ts, id, nonce and replay, filling those fields of <paramref name="into"/>.</summary>
        private CommandAuthResult CheckHeader(long now, Command into)
        {
            JsonFieldStatus status;
            if (!_command.StringEquals("pod", _podId))
            {
                string pod;
                status = _command.GetString("pod", out pod);
                if (status != JsonFieldStatus.Ok)
                {
                    return FieldFail("pod", status, "a string");
                }

                return Fail(CommandAuthResult.WrongPod, "addressed to pod '" + pod + "', this is pod '" + _podId + "'");
            }

            into.PodId = _podId;

            long ts;
            status = _command.GetLong("ts", out ts);
            if (status != JsonFieldStatus.Ok)
            {
                // A fraction is not a timestamp: report it as the wrong type, not a range problem.
                return FieldFail("ts", status == JsonFieldStatus.OutOfRange ? JsonFieldStatus.WrongType : status, "an integer (UTC seconds)");
            }

            if (ts < now - _windowS || ts > now + _windowS)
            {
                return Fail(CommandAuthResult.Expired, "ts " + ts.ToString() + " is outside the pod's clock " + now.ToString() + " +/-" + _windowS.ToString() + " s");
            }

            into.TimestampUtcS = ts;

            string id;
            status = _command.GetString("id", out id);
            if (status != JsonFieldStatus.Ok)
            {
                return FieldFail("id", status, "a string");
            }

            if (!IsPrintableAscii(id, 1, MaxIdChars))
            {
                return Fail(CommandAuthResult.InvalidField, "field 'id': must be 1 to 64 printable ASCII characters without spaces");
            }

            string nonce;
            status = _command.GetString("nonce", out nonce);
            if (status != JsonFieldStatus.Ok)
            {
                return FieldFail("nonce", status, "a string");
            }

            if (!IsLowerHex(nonce, MinNonceChars, MaxNonceChars))
            {
                return Fail(CommandAuthResult.InvalidField, "field 'nonce': must be 16 to 64 lowercase hex digits");
            }

            if (_hasHorizon && ts <= _horizonUtcS)
            {
                return Fail(CommandAuthResult.Replayed, "ts " + ts.ToString() + " is not newer than the replay horizon " + _horizonUtcS.ToString());
            }

            for (int i = 0; i < _seenCount; i++)
            {
                if (_seenIds[i] == id)
                {
                    return Fail(CommandAuthResult.Replayed, "id '" + id + "' was already accepted");
                }

                if (_seenNonces[i] == nonce)
                {
                    return Fail(CommandAuthResult.Replayed, "nonce '" + nonce + "' was already used");
                }
            }

            into.Id = id;
            into.Nonce = nonce;
            return CommandAuthResult.Ok;
        }

        /// <summary>Checks type and its fields, filling the rest of <paramref name="into"/>.</summary>
        private CommandAuthResult CheckBody(Command into)
        {
            CommandType type = CommandType.None;
            for (int t = 1; t < CommandTypeNames.Count; t++)
            {
                string name = CommandTypeNames.Name((CommandType)t);
                if (name.Length > 0 && _command.StringEquals("type", name))
                {
                    type = (CommandType)t;
                    break;
                }
            }

            if (type == CommandType.None)
            {
                string name;
                JsonFieldStatus status = _command.GetString("type", out name);
                if (status != JsonFieldStatus.Ok)
                {
                    return FieldFail("type", status, "a string");
                }

                return Fail(CommandAuthResult.UnknownType, "unknown type '" + name + "'");
            }

            into.Type = type;
            int required = RequiredFields[(int)type];
            int allowed = AllowedFields[(int)type];
            CommandAuthResult result = CheckUnexpected(type, allowed);
            if (result != CommandAuthResult.Ok)
            {
                return result;
            }

            if ((allowed & FieldAccount) != 0)
            {
                result = ReadAccount(into, (required & FieldAccount) != 0);
                if (result != CommandAuthResult.Ok)
                {
                    return result;
                }
            }

            if ((allowed & FieldLimit) != 0)
            {
                JsonFieldStatus status = _command.GetDecimal("limitA", Command.LimitADecimals, out into.LimitAScaled);
                into.HasLimit = status == JsonFieldStatus.Ok;
                if (status != JsonFieldStatus.Ok && (status != JsonFieldStatus.Missing || (required & FieldLimit) != 0))
                {
                    return FieldFail("limitA", status, "a number of A from 0 to 1000 with at most 2 decimals");
                }

                if (into.LimitAScaled < 0 || into.LimitAScaled > MaxLimitAScaled)
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'limitA': must be a number of A from 0 to 1000 with at most 2 decimals");
                }
            }

            if ((allowed & FieldTariff) != 0)
            {
                JsonFieldStatus status = _command.GetDecimal("tariffPerKwh", Command.TariffDecimals, out into.TariffPerKwhScaled);
                into.HasTariff = status == JsonFieldStatus.Ok;
                if (status != JsonFieldStatus.Ok && (status != JsonFieldStatus.Missing || (required & FieldTariff) != 0))
                {
                    return FieldFail("tariffPerKwh", status, "a price per kWh from 0 to 1000 with at most 4 decimals");
                }

                if (into.TariffPerKwhScaled < 0 || into.TariffPerKwhScaled > MaxTariffPerKwhScaled)
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'tariffPerKwh': must be a price per kWh from 0 to 1000 with at most 4 decimals");
                }
            }

            if ((allowed & FieldDuration) != 0)
            {
                long duration;
                JsonFieldStatus status = _command.GetLong("durationS", out duration);
                if (status != JsonFieldStatus.Ok && (status != JsonFieldStatus.Missing || (required & FieldDuration) != 0))
                {
                    return FieldFail("durationS", status == JsonFieldStatus.OutOfRange ? JsonFieldStatus.WrongType : status, "an integer number of seconds from 1 to 86400");
                }

                if (status == JsonFieldStatus.Ok && (duration < 1 || duration > MaxDurationS))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'durationS': must be an integer number of seconds from 1 to 86400");
                }

                into.DurationS = (int)duration;
            }

            if ((allowed & FieldMaxEnergy) != 0)
            {
                JsonFieldStatus status = _command.GetDecimal("maxEnergyKwh", Command.EnergyKwhDecimals, out into.MaxEnergyWh);
                into.HasMaxEnergy = status == JsonFieldStatus.Ok;
                if (status != JsonFieldStatus.Ok && status != JsonFieldStatus.Missing)
                {
                    return FieldFail("maxEnergyKwh", status, "a number of kWh from 0.001 to 1000 with at most 3 decimals");
                }

                if (into.HasMaxEnergy && (into.MaxEnergyWh < MinMaxEnergyWh || into.MaxEnergyWh > MaxMaxEnergyWh))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'maxEnergyKwh': must be a number of kWh from 0.001 to 1000 with at most 3 decimals");
                }
            }

            if ((allowed & FieldMaxDuration) != 0)
            {
                long maxDuration;
                JsonFieldStatus status = _command.GetLong("maxDurationS", out maxDuration);
                if (status != JsonFieldStatus.Ok && status != JsonFieldStatus.Missing)
                {
                    return FieldFail("maxDurationS", status == JsonFieldStatus.OutOfRange ? JsonFieldStatus.WrongType : status, "an integer number of seconds from 1 to 86400");
                }

                if (status == JsonFieldStatus.Ok && (maxDuration < 1 || maxDuration > MaxDurationS))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'maxDurationS': must be an integer number of seconds from 1 to 86400");
                }

                into.HasMaxDuration = status == JsonFieldStatus.Ok;
                into.MaxDurationS = (int)maxDuration;
            }

            if ((allowed & FieldKeyId) != 0)
            {
                JsonFieldStatus status = _command.GetString("keyId", out into.NewKeyId);
                if (status != JsonFieldStatus.Ok)
                {
                    return FieldFail("keyId", status, "a string");
                }

                if (!CommandKeys.IsKeyId(into.NewKeyId))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'keyId': must be 1 to 16 printable ASCII characters without spaces");
                }

                status = _command.GetString("key", out into.WrappedKey);
                if (status != JsonFieldStatus.Ok)
                {
                    return FieldFail("key", status, "a string");
                }

                if (!IsLowerHex(into.WrappedKey, 2 * CommandSigner.MinKeyBytes, 2 * CommandSigner.MaxKeyBytes) || into.WrappedKey.Length % 2 != 0)
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'key': must be 64 to 128 lowercase hex digits, even");
                }
            }

            if ((allowed & FieldMaxAmount) != 0)
            {
                JsonFieldStatus status = _command.GetDecimal("maxAmount", Command.AmountDecimals, out into.MaxAmountScaled);
                into.HasMaxAmount = status == JsonFieldStatus.Ok;
                if (status != JsonFieldStatus.Ok && status != JsonFieldStatus.Missing)
                {
                    return FieldFail("maxAmount", status, "an amount from 0 to 100000 with at most 4 decimals");
                }

                if (into.HasMaxAmount && (into.MaxAmountScaled < 0 || into.MaxAmountScaled > MaxMaxAmountScaled))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'maxAmount': must be an amount from 0 to 100000 with at most 4 decimals");
                }

                if (into.HasMaxAmount && !into.HasTariff)
                {
                    // The amount is energy times the tariff: without a tariff the limit could never be reached.
                    return Fail(CommandAuthResult.InvalidField, "field 'maxAmount': requires tariffPerKwh");
                }
            }

            if ((allowed & FieldCard) != 0)
            {
                // The hashed UID the pod published (CardGate): 16 lowercase hex digits.
                JsonFieldStatus status = _command.GetString("card", out into.Card);
                if ((status != JsonFieldStatus.Missing || (required & FieldCard) != 0) && (status != JsonFieldStatus.Ok || !IsLowerHex(into.Card, 16, 16)))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'card': must be 16 lowercase hex digits");
                }
            }

            if ((allowed & FieldReason) != 0)
            {
                JsonFieldStatus status = _command.GetString("reason", out into.Reason);
                if (status != JsonFieldStatus.Ok || into.Reason.Length < 1 || into.Reason.Length > MaxIdChars || HasControlCharacter(into.Reason))
                {
                    return Fail(CommandAuthResult.InvalidField, "field 'reason': must be 1 to 64 characters without control characters");
                }
            }

            return CommandAuthResult.Ok;
        }

        private CommandAuthResult ReadAccount(Command into, bool required)
        {
            string account;
            JsonFieldStatus status = _command.GetString("account", out account);
            if (status == JsonFieldStatus.Missing && !required)
            {
                return CommandAuthResult.Ok;
            }

            if (status != JsonFieldStatus.Ok)
            {
                return FieldFail("account", status, "a string");
            }

            if (account.Length < 1 || account.Length > MaxIdChars || HasControlCharacter(account))
            {
                return Fail(CommandAuthResult.InvalidField, "field 'account': must be 1 to 64 characters without control characters");
            }

            into.Account = account;
            return CommandAuthResult.Ok;
        }

        private CommandAuthResult CheckUnexpected(CommandType type, int allowed)
        {
            int members = _command.MemberCount("");
            for (int i = 0; i < members; i++)
            {
                bool known = false;
                for (int c = 0; c < CommonFieldNames.Length && !known; c++)
                {
                    known = _command.MemberNameEquals("", i, CommonFieldNames[c]);
                }

                for (int e = 0; e < ExtraFieldNames.Length && !known; e++)
                {
                    known = (allowed & (1 << e)) != 0 && _command.MemberNameEquals("", i, ExtraFieldNames[e]);
                }

                if (!known)
                {
                    return Fail(CommandAuthResult.UnexpectedField, "field '" + _command.MemberName("", i) + "' is not defined for type '" + CommandTypeNames.Name(type) + "'");
                }
            }

            return CommandAuthResult.Ok;
        }

        private void Remember(string id, string nonce, long ts)
        {
            int slot = _seenCount;
            if (_seenCount < _seenIds.Length)
            {
                _seenCount++;
            }
            else
            {
                // Forget the entry with the oldest ts; its ts becomes the horizon so it cannot come back.
                slot = 0;
                for (int i = 1; i < _seenTs.Length; i++)
                {
                    if (_seenTs[i] < _seenTs[slot])
                    {
                        slot = i;
                    }
                }

                SetReplayHorizon(_seenTs[slot]);
            }

            _seenIds[slot] = id;
            _seenNonces[slot] = nonce;
            _seenTs[slot] = ts;
        }

        /// <summary>Compares every byte whatever the first difference, so the time taken does not tell an attacker how much of a forged signature is right.</summary>
        internal static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }

        internal static bool IsPrintableAscii(string text, int minLength, int maxLength)
        {
            if (text.Length < minLength || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x21 || text[i] > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLowerHex(string text, int minLength, int maxLength)
        {
            if (text.Length < minLength || text.Length > maxLength)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool HasControlCharacter(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < 0x20 || text[i] == 0x7F)
                {
                    return true;
                }
            }

            return false;
        }

        private static int[] BuildFieldTable(bool required)
        {
            var table = new int[CommandTypeNames.Count];
            table[(int)CommandType.Start] = required ? FieldAccount : FieldAccount | FieldLimit | FieldTariff | FieldMaxEnergy | FieldMaxDuration | FieldMaxAmount | FieldCard;
            table[(int)CommandType.Stop] = required ? 0 : FieldAccount;
            table[(int)CommandType.RefuseCard] = FieldCard | FieldReason;
            table[(int)CommandType.Reserve] = required ? FieldAccount : FieldAccount | FieldDuration;
            table[(int)CommandType.Unlock] = FieldAccount;
            table[(int)CommandType.SetCurrentLimit] = FieldLimit;
            table[(int)CommandType.RotateKey] = FieldKeyId | FieldKey;
            return table;
        }

        private static string[] BuildCommonFieldNames()
        {
            var names = new string[5];
            names[0] = "pod";
            names[1] = "id";
            names[2] = "ts";
            names[3] = "nonce";
            names[4] = "type";
            return names;
        }

        private static string[] BuildExtraFieldNames()
        {
            // Indexed by bit position: FieldAccount, FieldLimit, FieldTariff, FieldDuration, FieldMaxEnergy, FieldMaxDuration, FieldMaxAmount,
            // FieldCard, FieldReason, FieldKeyId, FieldKey.
            var names = new string[11];
            names[0] = "account";
            names[1] = "limitA";
            names[2] = "tariffPerKwh";
            names[3] = "durationS";
            names[4] = "maxEnergyKwh";
            names[5] = "maxDurationS";
            names[6] = "maxAmount";
            names[7] = "card";
            names[8] = "reason";
            names[9] = "keyId";
            names[10] = "key";
            return names;
        }
    }
}
