using System.Runtime.CompilerServices;

// Tests compare the lookup-table and hash paths of the factorizer directly.
[assembly: InternalsVisibleTo("Panelwise.Tests")]
