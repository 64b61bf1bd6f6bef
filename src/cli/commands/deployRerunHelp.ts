/** Help text shared by the deploy subcommands: what a re-run does. */
export const rerunHelp =
  "\nRunning it again finds the contract recorded under that name (or at the salt's address), sends nothing and prints\n" +
  "what is on chain. Options that differ from the deployed contract are an error listing each difference (exit 2).\n" +
  "Names are at most 100 characters (wallets and marketplaces show one short line). URIs: ipfs://, ar://, https://\n" +
  "(a contract URI may also be data:application/json); javascript:, data:text/html and non-URIs are refused.\n";
