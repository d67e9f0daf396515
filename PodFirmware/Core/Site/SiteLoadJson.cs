using PodFirmware.Json;

namespace PodFirmware.Core.Site
{
    /// <summary>
    /// The <c>site/{siteId}/load</c> payload: <c>{"id":"pod-001","s":1,"maxA":32.0,"allowedA":16.0,"drawA":15.9,"powerW":3650}</c>
    /// (at most <see cref="MaxBytes"/> bytes). <c>s</c>: 0 idle, 1 active, 2 paused; currents in A with one decimal (per
    /// phase, the worst phase for the draw); <c>powerW</c>: real power, all phases.
    /// </summary>
    /// <remarks>One instance per thread; <see cref="Write"/> and <see cref="Read"/> allocate nothing after construction.</remarks>
    public sealed class SiteLoadJson
    {
        /// <summary>The largest payload, bytes (a 32-character pod id and every field at its widest fit).</summary>
        public const int MaxBytes = 160;

        private readonly JsonWriter _writer = new JsonWriter(MaxBytes, 2);
        private readonly JsonReader _reader = new JsonReader(MaxBytes, 2, 16);

        /// <summary>The reader after a successful <see cref="Read"/> (the <c>id</c> is at path "id").</summary>
        public JsonReader Reader
        {
            get { return _reader; }
        }

        /// <summary>Writes this pod's load; the bytes are <see cref="JsonWriter.Buffer"/>[0..Length) of the returned writer.</summary>
        public JsonWriter Write(string podId, SitePodState state, int maxDa, int allowedDa, int drawDa, int powerW)
        {
            _writer.Reset();
            _writer.BeginObject();
            _writer.String("id", podId);
            _writer.Int("s", (int)state);
            _writer.Fixed("maxA", maxDa, 1);
            _writer.Fixed("allowedA", allowedDa, 1);
            _writer.Fixed("drawA", drawDa, 1);
            _writer.Int("powerW", powerW);
            _writer.EndObject();
            return _writer;
        }

        /// <summary>
        /// Parses a payload and, when every field is there and in range (currents 0..1000 A, s 0..2), records it in
        /// <paramref name="share"/> at <paramref name="nowMs"/> (receiver's clock). False for a malformed message, which is
        /// dropped (the pod then ages like a lost one) or when the table is full.
        /// </summary>
        public bool Read(byte[] payload, int length, SiteShare share, long nowMs)
        {
            string error;
            long s;
            long maxDa;
            long allowedDa;
            long drawDa;
            if (!_reader.TryParse(payload, length, out error) || _reader.KindOf("id") != JsonValueKind.String ||
                _reader.GetLong("s", out s) != JsonFieldStatus.Ok || s < 0 || s > 2 ||
                !Current("maxA", out maxDa) || !Current("allowedA", out allowedDa) || !Current("drawA", out drawDa))
            {
                return false;
            }

            return share.OnLoad(_reader, "id", (SitePodState)(int)s, (int)maxDa, (int)allowedDa, (int)drawDa, nowMs);
        }

        private bool Current(string path, out long da)
        {
            return _reader.GetDecimal(path, 1, out da) == JsonFieldStatus.Ok && da >= 0 && da <= 10000;
        }
    }
}
