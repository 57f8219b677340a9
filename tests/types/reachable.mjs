// Where `any` is reachable from a module's exports, through the TypeScript checker: every property,
// parameter, return, index signature, type argument and constraint of the types declared in the
// module's own files, and the type arguments (not the members) of types from the default library
// and from @types / @cloudflare packages (`Promise<T>` is followed into `T`, `Blob` is not opened).
import ts from "typescript";

/** The paths (e.g. `C.m(cb)(x).list<0>`, `f().[string]`) at which `any` is reachable from `file`'s exports. */
export function anyReachable(program, file) {
  const checker = program.getTypeChecker();
  const ours = (declaration) => {
    const source = declaration.getSourceFile();
    return !program.isSourceFileDefaultLibrary(source) && !/node_modules[\\/]@(types|cloudflare)[\\/]/.test(source.fileName);
  };
  const declaredHere = (symbol) => symbol?.declarations?.some(ours) ?? false;
  const found = [];
  const seen = new Set();

  const visitSignature = (signature, path) => {
    for (const parameter of signature.typeParameters ?? []) visit(parameter, `${path}<${parameter.symbol.name}>`);
    if (signature.thisParameter) visit(checker.getTypeOfSymbol(signature.thisParameter), `${path}(this)`);
    for (const parameter of signature.parameters) visit(checker.getTypeOfSymbol(parameter), `${path}(${parameter.name})`);
    visit(checker.getReturnTypeOfSignature(signature), `${path}()`);
  };

  function visit(type, path) {
    if (type.flags & ts.TypeFlags.Any) {
      found.push(path);
      return;
    }
    if (seen.has(type)) return;
    seen.add(type);
    (type.aliasTypeArguments ?? []).forEach((argument, i) => visit(argument, `${path}<${i}>`));
    if (type.isUnionOrIntersection()) {
      for (const member of type.types) visit(member, path);
      return;
    }
    if (type.flags & ts.TypeFlags.TypeParameter) {
      const constraint = checker.getBaseConstraintOfType(type);
      if (constraint && constraint !== type) visit(constraint, path);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object)) return;
    if (type.objectFlags & ts.ObjectFlags.Reference) {
      checker.getTypeArguments(type).forEach((argument, i) => visit(argument, `${path}<${i}>`));
    }
    const symbol = type.getSymbol();
    if (symbol && !declaredHere(symbol)) return;
    for (const property of checker.getPropertiesOfType(type)) {
      if (declaredHere(property)) visit(checker.getTypeOfSymbol(property), `${path}.${property.name}`);
    }
    for (const signature of type.getCallSignatures()) visitSignature(signature, path);
    for (const signature of type.getConstructSignatures()) visitSignature(signature, path);
    for (const index of checker.getIndexInfosOfType(type)) {
      visit(index.type, `${path}.[${checker.typeToString(index.keyType)}]`);
    }
  }

  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(file))) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (symbol.flags & (ts.SymbolFlags.Type & ~ts.SymbolFlags.Value)) visit(checker.getDeclaredTypeOfSymbol(symbol), exported.name);
    if (symbol.flags & ts.SymbolFlags.Class) visit(checker.getDeclaredTypeOfSymbol(symbol), exported.name);
    if (symbol.flags & ts.SymbolFlags.Value) visit(checker.getTypeOfSymbol(symbol), exported.name);
  }
  return found;
}
