using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PodFirmware.Core.Config;
using PodFirmware.Core.Control;
using PodFirmware.Core.Events;
using PodFirmware.Core.Faults;
using PodFirmware.Json;
using PodFirmware.Core.Messaging;
using PodFirmware.Core.Scenarios;
using PodFirmware.Host.Configuration;
using PodFirmware.Host.Simulation;

namespace PodFirmware.Bench
{
    /// <summary>
    /// The status and alarm documents written by the portable <see cref="JsonWriter"/> (as the pump writes them) beside
    /// System.Text.Json's <see cref="Utf8JsonWriter"/> writing an equivalent object: the same members, names and values
    /// in the same order (replayed from the portable document, read once at setup), into a reused buffer. Both
    /// allocate nothing per document; the ratio is of the writers alone.
    /// </summary>
    [MemoryDiagnoser]
    public class JsonBenchmarks
    {
        private const string DemoConfig =
            "{\"podId\":\"pod-017\",\"siteId\":\"site-a\",\"parkingSpace\":17," +
            "\"commands\":{\"keyHex\":\"00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\"}}";

        private readonly JsonWriter _portable = new JsonWriter(2048);
        private readonly ArrayBufferWriter<byte> _buffer = new ArrayBufferWriter<byte>(2048);
        private Utf8JsonWriter _stj;
        private PodConfig _config;
        private PodStatus _status;
        private PodEvent _alarm;
        private Op[] _statusOps;
        private Op[] _alarmOps;

        /// <summary>A charging pod's status and an over-temperature alarm; their member sequences for the STJ writer.</summary>
        [GlobalSetup]
        public void Setup()
        {
            _config = ConfigFile.Parse(DemoConfig, "bench");
            var run = ScenarioRun.Create(_config, ScenarioParser.Parse("0 current_a 16\n0 plug in\n0 cmd {\"type\":\"start\",\"account\":\"driver-1\"}\n"));
            run.RunUntil(5000, _ => { });
            _status = run.Pod.Controller.Status;
            _alarm = new PodEvent { Kind = EventKind.Alarm, TimeMs = 123456, Code = FaultCode.ConnectorOverTemperature, Value = 72.3, Limit = 70.0, Unit = ValueUnit.Celsius, SpaceNumber = 17 };
            _stj = new Utf8JsonWriter(_buffer);
            PortableStatus();
            _statusOps = Ops(_portable);
            PortableAlarm();
            _alarmOps = Ops(_portable);
        }

        /// <summary>The retained status document with the portable writer.</summary>
        [Benchmark(Baseline = true)]
        public int PortableStatus()
        {
            _portable.Reset();
            StatusJson.Write(_portable, _status, _config);
            return _portable.Length;
        }

        /// <summary>The same status members with System.Text.Json's Utf8JsonWriter.</summary>
        [Benchmark]
        public long StjStatus() => Replay(_statusOps);

        /// <summary>The alarm document (site and pod alarm topics) with the portable writer.</summary>
        [Benchmark]
        public int PortableAlarm()
        {
            _portable.Reset();
            EventJson.WriteAlarm(_portable, _alarm, _config.PodId, "pod-017-", _config.SiteId, 42, 1_795_000_000_000);
            return _portable.Length;
        }

        /// <summary>The same alarm members with System.Text.Json's Utf8JsonWriter.</summary>
        [Benchmark]
        public long StjAlarm() => Replay(_alarmOps);

        private long Replay(Op[] ops)
        {
            _buffer.ResetWrittenCount();
            _stj.Reset(_buffer);
            foreach (Op op in ops)
            {
                bool named = op.Name.HasValue;
                JsonEncodedText name = op.Name.GetValueOrDefault();
                switch (op.Kind)
                {
                    case JsonTokenType.StartObject:
                        if (named) { _stj.WriteStartObject(name); } else { _stj.WriteStartObject(); }
                        break;
                    case JsonTokenType.EndObject: _stj.WriteEndObject(); break;
                    case JsonTokenType.StartArray:
                        if (named) { _stj.WriteStartArray(name); } else { _stj.WriteStartArray(); }
                        break;
                    case JsonTokenType.EndArray: _stj.WriteEndArray(); break;
                    case JsonTokenType.String:
                        if (named) { _stj.WriteString(name, op.Text); } else { _stj.WriteStringValue(op.Text); }
                        break;
                    case JsonTokenType.Number:
                        if (named) { _stj.WriteNumber(name, op.Number); } else { _stj.WriteNumberValue(op.Number); }
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                        bool value = op.Kind == JsonTokenType.True;
                        if (named) { _stj.WriteBoolean(name, value); } else { _stj.WriteBooleanValue(value); }
                        break;
                    default:
                        if (named) { _stj.WriteNull(name); } else { _stj.WriteNullValue(); }
                        break;
                }
            }

            _stj.Flush();
            return _stj.BytesCommitted;
        }

        // The member sequence of the document the portable writer holds: names pre-encoded, numbers as doubles.
        private static Op[] Ops(JsonWriter written)
        {
            var ops = new List<Op>();
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(written.Buffer, 0, written.Length));
            JsonEncodedText? name = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = JsonEncodedText.Encode(reader.GetString());
                    continue;
                }

                var op = new Op { Kind = reader.TokenType, Name = name };
                if (reader.TokenType == JsonTokenType.String)
                {
                    op.Text = reader.GetString();
                }
                else if (reader.TokenType == JsonTokenType.Number)
                {
                    op.Number = reader.GetDouble();
                }

                ops.Add(op);
                name = null;
            }

            return ops.ToArray();
        }

        private struct Op
        {
            public JsonTokenType Kind;
            public JsonEncodedText? Name;
            public string Text;
            public double Number;
        }
    }
}
