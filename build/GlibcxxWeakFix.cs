// The build-time fix for TorchSharp 0.107.0 on Debian 12 (see ../shared/DESIGN.md,
// "Known platform issue"). libLibTorchSharp.so declares a need for GLIBCXX_3.4.32, whose
// only symbol (std::ios_base_library_init) is a link-time marker that is never called.
// Debian 12's libstdc++ stops at 3.4.30, so the loader refuses the library. Setting
// VER_FLG_WEAK on that one Elf64_Vernaux entry makes glibc accept it.
//
// It targets netstandard2.0 because RoslynCodeTaskFactory compiles against it (no Span,
// no File.*UnixFileMode).
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (Directory.Build.targets)
// as the MarkGlibcxxWeak task, and into the test project (with NETSCRIPT_NO_MSBUILD) so the
// ELF logic is unit-tested on the real library.
#nullable enable

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NetScript.Build
{
    public enum WeakenResult { Patched, AlreadyWeak, NotRequired, NotElf64 }

    public static class ElfVersionNeeds
    {
        public const string Version = "GLIBCXX_3.4.32";
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlgWeak = 0x2;

        /// <summary>Marks every need for <paramref name="version"/> in the ELF64 file weak.
        /// Idempotent; rewrites the file via temp + rename only when something changes.</summary>
        public static WeakenResult MarkWeak(string path, string version)
        {
            byte[] image = File.ReadAllBytes(path);
            WeakenResult result = MarkWeak(image, version);
            if (result != WeakenResult.Patched) return result;
            // Copy (keeps the file mode), overwrite the content, then rename over the original
            // so a reader never sees a half-written library.
            string temp = path + ".nsfix.tmp";
            File.Copy(path, temp, overwrite: true);
            File.WriteAllBytes(temp, image);
            File.Replace(temp, path, null);
            return result;
        }

        public static WeakenResult MarkWeak(byte[] image, string version)
        {
            bool found = false, changed = false;
            foreach (int flagsOffset in FindVernauxFlags(image, version))
            {
                found = true;
                ushort flags = BitConverter.ToUInt16(image, flagsOffset);
                if ((flags & VerFlgWeak) != 0) continue;
                Array.Copy(BitConverter.GetBytes((ushort)(flags | VerFlgWeak)), 0, image, flagsOffset, 2);
                changed = true;
            }
            if (!IsElf64LittleEndian(image)) return WeakenResult.NotElf64;
            if (!found) return WeakenResult.NotRequired;
            return changed ? WeakenResult.Patched : WeakenResult.AlreadyWeak;
        }

        /// <summary>Lists each version requirement as (library, version, flags).</summary>
        public static List<(string Library, string Version, ushort Flags)> ListNeeds(byte[] image)
        {
            var needs = new List<(string, string, ushort)>();
            Walk(image, (lib, ver, flagsOffset) => needs.Add((lib, ver, BitConverter.ToUInt16(image, flagsOffset))));
            return needs;
        }

        /// <summary>True when the file defines the version string (used on the system libstdc++).</summary>
        public static bool ContainsVersionString(string path, string version)
        {
            byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
            byte[] hay = File.ReadAllBytes(path);
            for (int i = 0; i + needle.Length <= hay.Length; i++)
            {
                int j = 0;
                while (j < needle.Length && hay[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return false;
        }

        /// <summary>Finds the libstdc++.so.6 the dynamic loader would use, or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            string[] dirs =
            {
                "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib",
            };
            foreach (string dir in dirs)
            {
                string candidate = Path.Combine(dir, "libstdc++.so.6");
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        static IEnumerable<int> FindVernauxFlags(byte[] image, string version)
        {
            var offsets = new List<int>();
            Walk(image, (lib, ver, flagsOffset) => { if (ver == version) offsets.Add(flagsOffset); });
            return offsets;
        }

        static bool IsElf64LittleEndian(byte[] b) =>
            b.Length > 0x40 && b[0] == 0x7f && b[1] == (byte)'E' && b[2] == (byte)'L' && b[3] == (byte)'F'
            && b[4] == 2 /* ELFCLASS64 */ && b[5] == 1 /* ELFDATA2LSB */;

        // Walks .gnu.version_r: Elf64_Verneed { u16 version, cnt; u32 file, aux, next }
        // followed by Elf64_Vernaux { u32 hash; u16 flags, other; u32 name, next }.
        static void Walk(byte[] b, Action<string, string, int> visit)
        {
            if (!IsElf64LittleEndian(b)) return;
            long shoff = (long)BitConverter.ToUInt64(b, 0x28);
            int shentsize = BitConverter.ToUInt16(b, 0x3A);
            int shnum = BitConverter.ToUInt16(b, 0x3C);
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (sh + 64 > b.Length || BitConverter.ToUInt32(b, (int)sh + 4) != ShtGnuVerneed) continue;
                long table = (long)BitConverter.ToUInt64(b, (int)sh + 0x18);
                uint strIndex = BitConverter.ToUInt32(b, (int)sh + 0x28);
                uint count = BitConverter.ToUInt32(b, (int)sh + 0x2C);
                long strSection = shoff + (long)strIndex * shentsize;
                long strings = (long)BitConverter.ToUInt64(b, (int)strSection + 0x18);
                long need = table;
                for (uint n = 0; n < count; n++)
                {
                    int auxCount = BitConverter.ToUInt16(b, (int)need + 2);
                    string library = ReadString(b, strings + BitConverter.ToUInt32(b, (int)need + 4));
                    long aux = need + BitConverter.ToUInt32(b, (int)need + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        string name = ReadString(b, strings + BitConverter.ToUInt32(b, (int)aux + 8));
                        visit(library, name, (int)aux + 4);
                        uint nextAux = BitConverter.ToUInt32(b, (int)aux + 12);
                        if (nextAux == 0) break;
                        aux += nextAux;
                    }
                    uint next = BitConverter.ToUInt32(b, (int)need + 12);
                    if (next == 0) break;
                    need += next;
                }
            }
        }

        static string ReadString(byte[] b, long offset)
        {
            int end = (int)offset;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)offset, end - (int)offset);
        }
    }

#if !NETSCRIPT_NO_MSBUILD
    /// <summary>MSBuild task: weakens the GLIBCXX_3.4.32 need in each given library, unless
    /// the system libstdc++ already provides that version.</summary>
    public sealed class MarkGlibcxxWeak : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        public override bool Execute()
        {
            string? system = ElfVersionNeeds.FindSystemLibStdCxx();
            if (system != null && ElfVersionNeeds.ContainsVersionString(system, ElfVersionNeeds.Version))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                    $"{system} provides {ElfVersionNeeds.Version}; libLibTorchSharp.so left as shipped.");
                return true;
            }
            foreach (var item in Files)
            {
                WeakenResult result = ElfVersionNeeds.MarkWeak(item.ItemSpec, ElfVersionNeeds.Version);
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                    $"{item.ItemSpec}: {ElfVersionNeeds.Version} need {result}.");
            }
            return true;
        }
    }
#endif
}
