// ScalarScope moved down to NetScript.Data so the per-batch data code can keep its scalars
// alive too; the runtime's per-step code uses it everywhere without importing all of Data.
global using ScalarScope = NetScript.Data.ScalarScope;
