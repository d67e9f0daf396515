using System;
using System.Collections;
using nanoFramework.TestFramework;
using PodFirmware.Drivers.Ports;
using PodFirmware.SerialConsole;

namespace PodFirmware.Tests.SerialConsole
{
    /// <summary>The config file store: read, replace through a temporary file, recover a cut write, never throw.</summary>
    [TestClass]
    public class BlobConfigStoreTests
    {
        private sealed class Files : IBlobFiles
        {
            public readonly Hashtable Data = new Hashtable();
            public bool FailMove;

            public bool Exists(string name)
            {
                return Data.Contains(name);
            }

            public int ReadAll(string name, byte[] buffer)
            {
                byte[] data = (byte[])Data[name];
                if (data.Length > buffer.Length)
                {
                    return -2;
                }

                Array.Copy(data, buffer, data.Length);
                return data.Length;
            }

            public void WriteAll(string name, byte[] data, int length)
            {
                byte[] copy = new byte[length];
                Array.Copy(data, copy, length);
                Data[name] = copy;
            }

            public void Delete(string name)
            {
                Data.Remove(name);
            }

            public void Move(string from, string to)
            {
                if (FailMove)
                {
                    throw new Exception("flash full");
                }

                Data[to] = Data[from];
                Data.Remove(from);
            }
        }

        [TestMethod]
        public static void A_written_file_reads_back_and_no_temporary_file_remains()
        {
            var files = new Files();
            var store = new BlobConfigStore(files, "pod.json");
            Assert.IsNull(store.Read());
            Assert.IsTrue(store.Write("{\"podId\":\"p\"}"));
            Assert.IsTrue(store.Write("{\"podId\":\"q\"}"));
            Assert.AreEqual("{\"podId\":\"q\"}", store.Read());
            Assert.IsFalse(files.Exists("pod.json.tmp"));
        }

        [TestMethod]
        public static void A_write_cut_after_the_delete_is_recovered_from_the_temporary_file()
        {
            var files = new Files();
            var store = new BlobConfigStore(files, "pod.json");
            files.WriteAll("pod.json.tmp", new byte[] { (byte)'{', (byte)'}' }, 2);
            Assert.AreEqual("{}", store.Read());
            Assert.IsTrue(files.Exists("pod.json"));
        }

        [TestMethod]
        public static void A_failing_or_oversized_write_returns_false_and_a_failing_read_null()
        {
            var files = new Files();
            var store = new BlobConfigStore(files, "pod.json");
            Assert.IsFalse(store.Write(new string('x', BlobConfigStore.MaxBytes + 1)));
            files.FailMove = true;
            Assert.IsFalse(store.Write("{}"));
            Assert.IsNull(store.Read());
            files.Data["pod.json"] = new byte[BlobConfigStore.MaxBytes + 1];
            Assert.IsNull(store.Read());
        }
    }
}
